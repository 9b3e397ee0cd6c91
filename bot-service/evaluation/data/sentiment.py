# Hand-written pieces for the built-in sentiment model (customer service: airlines, rail, telecoms, shops, banks),
# combined by make_builtin.py. Written for this project; nothing here comes from a public sentiment benchmark.
HANDLES = {"en": ["", "", "", "@FlyNorth ", "@TeleConnect ", "@QuickShop ", "@MetroRail ", "@BankEasy ", "@ParcelGo "],
           "de": ["", "", "", "@DB_Bahn ", "@SBahnInfo ", "@Telekabel ", "@Paketdienst ", "@MeinShop ", "@Stadtwerke "]}
NEGATIVE = {
"en": ["flight delayed 3 hours and nobody tells us anything", "my bag is lost and no one answers", "been on hold for an hour",
 "my order never arrived", "you charged me twice", "the app keeps crashing", "internet down again", "the train was cancelled without notice",
 "still waiting for my refund after a month", "your agent hung up on me", "the package came damaged", "worst customer service ever",
 "missed my connection because of your delay", "no wifi on a 6 hour flight", "the seat was broken", "nobody showed up for the appointment",
 "they lost my reservation", "the food on board was disgusting", "I was overcharged on my bill", "the delivery guy threw my parcel over the fence",
 "cancelled my flight and offered nothing", "stuck on the plane for two hours", "my card got blocked for no reason", "terrible experience at the check in desk",
 "the staff was so rude", "I can't log in for three days now", "my complaint was ignored", "you keep sending me the wrong item",
 "my phone bill doubled without explanation", "the train is packed and the AC is broken", "another delay, this is a joke", "lost my luggage twice this year",
 "your website is impossible to use", "I want my money back", "I'm never ordering from you again", "the refund process is a nightmare",
 "support keeps closing my ticket without solving it", "waited 40 minutes for the bus that never came", "my parcel is stuck in the depot for a week",
 "why is it so hard to cancel my subscription", "the hotel you booked for us was filthy", "charged a fee I was never told about",
 "the connection drops every evening", "my seat was given to someone else", "I've been transferred five times", "still no tracking info",
 "the replacement is broken too", "your chatbot is useless", "paid for express shipping and it took ten days", "crew ignored us completely"],
"de": ["Zug schon wieder verspätet", "mein Paket ist nie angekommen", "ihr habt doppelt abgebucht", "die App stürzt ständig ab", "Internet schon wieder weg",
 "der Zug ist ohne Ansage ausgefallen", "warte seit einem Monat auf meine Erstattung", "der Mitarbeiter hat einfach aufgelegt", "das Paket kam beschädigt an",
 "der schlechteste Kundenservice überhaupt", "wegen eurer Verspätung den Anschluss verpasst", "kein WLAN im ICE", "die Klimaanlage ist ausgefallen",
 "der Techniker ist nicht gekommen", "meine Reservierung ist weg", "der Wagen mit meiner Reservierung fehlt", "ich zahle zu viel auf der Rechnung",
 "der Bote hat das Paket einfach vor die Tür geworfen", "Zug gestrichen und keine Alternative", "eine Stunde auf freier Strecke gestanden",
 "meine Karte wurde grundlos gesperrt", "furchtbare Erfahrung am Schalter", "das Personal war total unfreundlich", "ich komme seit drei Tagen nicht ins Konto",
 "meine Beschwerde wurde ignoriert", "ihr schickt mir immer den falschen Artikel", "meine Handyrechnung hat sich ohne Grund verdoppelt",
 "der Zug ist überfüllt und die Klimaanlage kaputt", "schon wieder Verspätung, das ist ein Witz", "Signalstörung, wie jeden Tag",
 "eure Webseite ist unbedienbar", "ich will mein Geld zurück", "bei euch bestelle ich nie wieder", "die Erstattung ist ein Albtraum",
 "der Support schließt mein Ticket ohne Lösung", "40 Minuten auf den Bus gewartet, der nie kam", "mein Paket hängt seit einer Woche im Depot",
 "warum ist Kündigen so kompliziert", "versteckte Gebühren auf der Rechnung", "die Verbindung bricht jeden Abend ab", "mein Sitzplatz war doppelt vergeben",
 "fünfmal weiterverbunden worden", "immer noch keine Sendungsverfolgung", "der Ersatz ist auch kaputt", "euer Chatbot ist nutzlos",
 "Expressversand bezahlt und zehn Tage gewartet", "Toiletten im Zug alle defekt", "Schienenersatzverkehr und keiner weiß Bescheid",
 "Zugausfall wegen Personalmangel, schon wieder", "Bahnsteig geändert ohne Durchsage", "Anschluss weg, Hotel selbst zahlen", "Heizung im Zug kaputt, eiskalt"],
}
NEGATIVE_TAIL = {
"en": ["", "", "", " unacceptable", " so frustrating", " never again", " #fail", " 😡", " seriously?", " ridiculous", " thanks for nothing",
       ". what a joke", " I'm done", ". fix it!", " 🙄", " absolutely pathetic", " worst airline ever", " disgusting service", " ugh", "!!!"],
"de": ["", "", "", " unmöglich", " so nervig", " nie wieder", " #fail", " 😡", " echt jetzt?", " lächerlich", " danke für nichts",
       ", was für ein Witz", " mir reichts", " 🙄", " einfach erbärmlich", " Saftladen", " Frechheit", " boah", "!!!", " typisch Bahn"],
}
IRONY = {
"en": ["oh great, another delay", "thanks for losing my bag again", "love waiting on hold for an hour", "wonderful, the app crashed again",
 "perfect, my flight got cancelled", "brilliant service as always, still no refund", "so glad I paid extra for this", "wow, only three hours late today",
 "nice job sending the wrong item again", "awesome, charged twice", "great job, internet down for the third day", "amazing how you never answer emails",
 "fantastic, my seat is broken", "yay another fee", "thanks for the super quick support, only took a week"],
"de": ["na toll, wieder Verspätung", "super, schon wieder Zugausfall", "danke Bahn, wieder mal zu spät", "klasse, die App ist schon wieder abgestürzt",
 "prima, Zug gestrichen", "toller Service wie immer, immer noch keine Erstattung", "schön dass ich extra dafür bezahlt habe", "wow, heute nur drei Stunden zu spät",
 "gut gemacht, wieder der falsche Artikel", "super, doppelt abgebucht", "großartig, seit drei Tagen kein Internet", "bravo, die Klimaanlage heizt",
 "herzlichen Dank für die pünktliche Verspätung", "na super, wieder keiner erreichbar", "läuft bei euch, wieder nix angekommen"],
}
NEUTRAL = {
"en": ["what's the baggage allowance", "can I change my seat", "do you fly to Oslo", "how do I add a passenger", "is there a student discount",
 "when does the store open", "can I bring my bike on the train", "where do I find my booking number", "does the router support 5ghz",
 "I need to update my address", "what time is the last train", "how much is the upgrade to business", "can I pay with paypal",
 "do you deliver on saturdays", "how do I return an item", "where can I download my invoice", "is there wifi on the train", "can I change my plan",
 "flying to Chicago tomorrow", "just booked my tickets", "my order number is 55123", "I sent you a DM", "travelling with my dog next week",
 "following up on my request", "switching to the bigger plan next month", "I'm on the 8am train to Leeds", "the new timetable starts in December",
 "I'd like to know the status of my order", "please send me the form", "is the lounge open at 5am", "what documents do I need",
 "can I get a receipt", "how long is the warranty", "I have a question about my bill", "do you have this in blue", "not sure if my booking went through",
 "can you check my order", "which terminal do I go to", "I ordered on monday", "is the shop open on holidays"],
"de": ["wie viel Gepäck darf ich mitnehmen", "kann ich meinen Sitzplatz ändern", "fahrt ihr nach Rostock", "wie füge ich einen Mitreisenden hinzu",
 "gibt es einen Studentenrabatt", "wann öffnet der Laden", "darf ich mein Fahrrad mitnehmen", "wo finde ich meine Buchungsnummer", "unterstützt der Router 5 GHz",
 "ich muss meine Adresse ändern", "wann fährt der letzte Zug", "was kostet das Upgrade in die erste Klasse", "kann ich mit PayPal zahlen",
 "liefert ihr samstags", "wie schicke ich einen Artikel zurück", "wo lade ich meine Rechnung herunter", "gibt es WLAN im Zug", "kann ich meinen Tarif ändern",
 "morgen fahre ich nach Hamburg", "habe gerade die Tickets gebucht", "meine Bestellnummer ist 55123", "ich habe euch eine Nachricht geschickt",
 "nächste Woche reise ich mit Hund", "ich melde mich wegen meiner Anfrage", "nächsten Monat wechsle ich in den größeren Tarif", "ich sitze im ICE nach Köln",
 "der neue Fahrplan gilt ab Dezember", "ich hätte gern den Status meiner Bestellung", "schicken Sie mir bitte das Formular", "welche Unterlagen brauche ich",
 "kann ich eine Quittung bekommen", "wie lange ist die Garantie", "ich habe eine Frage zu meiner Rechnung", "gibt es das auch in Blau",
 "bin nicht sicher ob die Buchung geklappt hat", "könnt ihr meine Bestellung prüfen", "von welchem Gleis fährt der Zug", "ich habe am Montag bestellt",
 "Bauarbeiten am Wochenende zwischen Mainz und Frankfurt", "Streik angekündigt für Freitag", "Ersatzverkehr mit Bussen zwischen A und B",
 "ab wann gilt das Deutschlandticket", "kann ich das Ticket stornieren", "gilt die BahnCard auch im Nahverkehr"],
}
POSITIVE = {
"en": ["thanks to the crew, they were amazing", "fixed my issue in five minutes, great service", "the new app is so much better", "package arrived early, love it",
 "the agent was so patient and kind", "smooth check in and friendly staff", "thanks for the quick refund", "best airline I've flown", "really impressed with your support",
 "thank you so much for helping me", "great job on the new timetable", "the train was on time and clean", "you guys are the best", "super fast delivery, thank you",
 "love the new seats", "excellent service today", "the technician was brilliant", "happy with my new plan", "well done, problem solved", "what a pleasant flight"],
"de": ["danke an das Team, ihr wart super", "Problem in fünf Minuten gelöst, toller Service", "die neue App ist viel besser", "Paket kam früher, klasse",
 "der Mitarbeiter war geduldig und freundlich", "entspannte Fahrt und nettes Personal", "danke für die schnelle Erstattung", "beste Zugfahrt seit langem",
 "echt beeindruckt vom Support", "vielen Dank für die Hilfe", "pünktlich und sauber, so soll es sein", "ihr seid die Besten", "super schnelle Lieferung, danke",
 "die neuen Sitze sind bequem", "heute top Service", "der Techniker war klasse", "zufrieden mit meinem neuen Tarif", "gut gemacht, Problem gelöst",
 "angenehme Fahrt, alles pünktlich", "großes Lob an die Zugbegleiterin"],
}
POSITIVE_TAIL = {"en": ["", "", "", " 😊", " ❤️", " thank you!", " 👍", " you rock", "!", " much appreciated"],
                 "de": ["", "", "", " 😊", " ❤️", " danke!", " 👍", " weiter so", "!", " sehr gut"]}

# A third round (issue 9, round 2): German irony, compounds and colloquial spelling, English sarcasm and text-speak,
# complaints without a single strongly negative word, and neutral messages on the same topics (a delay asked about is
# not a complaint). Written for this project, without looking at any frozen item.
ROUND3_NEGATIVE = {
"en": ["still no sign of my parcel", "third email and no reply", "this is taking forever", "not impressed tbh", "pretty disappointed with the service",
 "meh, expected better", "the update made everything worse", "why do I even bother", "can't believe this is still not fixed", "I've had it with your company",
 "the worst part is nobody cares", "so slow it's unreal", "that's not what I ordered at all", "nothing but excuses", "another week, another outage",
 "cancelled my plans for a technician who never came", "I'm paying for a service I don't get", "you've wasted two hours of my day", "rip my weekend, thanks to your delay",
 "smh, broken again", "ugh the app logged me out again", "this company is a scam", "absolute shambles at the airport", "total joke of a service",
 "my patience is running out", "sick of being told to wait", "the replacement is worse than the original", "hidden charges everywhere, disgraceful",
 "your hold music is all I hear these days", "lost a customer today", "customer service? more like customer ignorance", "zero stars if I could",
 "wtf is this bill", "the train smelled awful and was late", "rude staff and dirty seats", "nobody knows anything at the station"],
"de": ["na toll, schon wieder", "super, schon wieder Verspätung", "toll gemacht, wieder nix", "na herzlichen Glückwunsch, Zug fällt aus", "ganz großes Kino, Bahn",
 "läuft ja super bei euch", "na klasse, wieder kein Netz", "wie immer, alles zu spät", "Saftladen", "was für ein Drecksladen", "totale Servicewüste hier",
 "Vollkatastrophe", "Verspätungsorgie heute", "Kundenservice zum Abgewöhnen", "das ist doch kacke", "echt ätzend", "voll nervig", "geht gar nich",
 "nix funktioniert, wie immer", "ich könnt kotzen", "so ein Mist", "schon wieder Schienenersatzverkehr, danke auch", "Zug zu spät, Anschluss weg, Tag gelaufen",
 "ich hab die Schnauze voll", "mir reicht's langsam", "das nervt tierisch", "ihr seid echt das Letzte", "unterirdischer Service", "die Hotline ist eine Zumutung",
 "immer das gleiche Theater mit euch", "eine Frechheit, was ihr euch leistet", "so eine Abzocke", "wieder mal Stellwerksstörung, wer hätte es gedacht",
 "Klimaanlage kaputt und 35 Grad im Wagen", "ständig Zugausfälle, man kann sich auf nichts verlassen", "Funkloch-Republik", "enttäuschend, ehrlich",
 "nicht zufrieden, gar nicht", "kein Wunder, dass keiner mehr Bahn fährt", "jedes Mal Ärger mit eurer Rechnung", "schlecht organisiert, wie immer",
 "Wartezeit 45 Minuten in der Hotline, super", "danke für gar nichts", "wieder mal vertröstet worden", "das ist ein schlechter Witz"],
}
ROUND3_IRONY = {
"en": ["oh wonderful, another 'minor delay'", "great, just great", "love how my refund takes longer than the delivery", "thanks so much for nothing",
 "cool cool, charged again", "genius idea to cancel the last train", "another day, another delay, well done", "so helpful, you closed my ticket again",
 "what a surprise, the wifi doesn't work", "10/10 would wait on hold again", "can't wait to spend another hour on hold"],
"de": ["na toll", "super, schon wieder", "na prima, wieder zu spät", "toll, wirklich toll", "danke auch, Bahn", "wie schön, wieder Stau auf der Hotline",
 "herrlich, die dritte Verspätung diese Woche", "klasse Leistung, mal wieder", "was für eine Überraschung, der Zug fällt aus", "top, wieder kein WLAN",
 "mega, die App hängt schon wieder", "wunderbar, Anschluss verpasst", "na das hat ja prima geklappt", "bravo, Paket wieder beim Nachbarn im Nachbarort",
 "ach wie schön, schon wieder Ersatzverkehr"],
}
ROUND3_NEUTRAL = {
"en": ["is the 8:15 delayed?", "will my train run during the strike?", "how do I claim compensation for a delay", "my flight was moved, can I rebook",
 "what happens if my parcel is late", "can I get a refund if I cancel", "how do I report a problem with the app", "what do I do if my card is blocked",
 "is the line affected by the works this weekend", "the delivery is scheduled for tomorrow", "ok, thanks for the info", "got it", "sure, go ahead",
 "please cancel my order", "I need to change the date", "when will the engineer come", "can you send the tracking link", "what's the cancellation policy"],
"de": ["hat der Zug um 8:15 Verspätung?", "fährt mein Zug während des Streiks?", "wie beantrage ich eine Entschädigung für die Verspätung",
 "mein Flug wurde verlegt, kann ich umbuchen", "was passiert, wenn mein Paket zu spät kommt", "bekomme ich Geld zurück, wenn ich storniere",
 "wie melde ich einen Fehler in der App", "was mache ich, wenn meine Karte gesperrt ist", "ist die Strecke am Wochenende von Bauarbeiten betroffen",
 "die Lieferung ist für morgen geplant", "ok, danke für die Info", "alles klar", "ja, mach ruhig", "bitte storniert meine Bestellung",
 "ich muss das Datum ändern", "wann kommt der Techniker", "schickt ihr mir den Sendungslink", "wie sind die Stornobedingungen",
 "Zug fällt aus, welche Alternative gibt es?", "kann ich mit dem Ticket einen anderen Zug nehmen?"],
}
ROUND3_POSITIVE = {
"en": ["cheers, that sorted it", "legend, thanks", "you saved my day", "brilliant, thank you", "quick and easy, love it", "that was painless, thanks",
 "big thanks to the driver", "finally a company that listens"],
"de": ["passt, danke", "mega, danke euch", "ihr habt meinen Tag gerettet", "spitze, vielen Dank", "schnell und unkompliziert, top", "lief reibungslos, danke",
 "großes Dankeschön an den Fahrer", "endlich mal ein Laden, der zuhört", "voll gut gelaufen", "bin echt zufrieden"],
}
for language in ("en", "de"):
    NEGATIVE[language] = NEGATIVE[language] + ROUND3_NEGATIVE[language]
    IRONY[language] = IRONY[language] + ROUND3_IRONY[language]
    NEUTRAL[language] = NEUTRAL[language] + ROUND3_NEUTRAL[language]
    POSITIVE[language] = POSITIVE[language] + ROUND3_POSITIVE[language]
