# Session 7: roles, offices and institutions beyond "manager" and "billing" (a request for a person names one; the
# near-misses name one and ask for no one), refusals of the bot, and praise, irony and complaints for the sentiment
# model, which read praise as negative. Written from the categories of issue 9, never from a test item. Caveat: written
# by the helper who had written set 4 (frozen-4/) an hour before. Every line was checked against sets 1-4 (token
# overlap, as for the frozen sets), and then every line whose meaning paraphrased a set-3 or set-4 item was deleted
# (most of what had been written: all the direct, contact, preference and frustrated phrases, most refusals, every
# routine question on the critical topics); what is left names roles and offices that no test item names, or is
# generic. Set 4 is still less independent of these lines than set 3 is. Split and expanded by make_builtin.py after
# the older phrases, with its own random stream.
HUMAN_POSITIVE = {
"en": {
"role": ["I need your head of customer care",
 "could I have a word with someone in payroll",
 "I need to talk to your lawyers about this",
 "I need a tax specialist",
 "the shipping department please",
 "can I speak to a pharmacist",
 "I'd like the letting agent to call me",
 "can someone from the council help me",
 "I need someone from the insurer",
 "I want the landlord's office",
 "someone from your bank please, not a chatbot",
 "I need an underwriter to look at this",
 "I want to speak to your customer relations manager",
 "escalate me to a senior member of staff",
 "I need the account owner team",
 "I'd like to talk to the doctor's receptionist",
 "put me through to someone in HR",
 "connect me with the store's supervisor",
 "let me speak to the team in charge of refunds",
 "could I get the maintenance team on the phone"],
"refuse": ["talking to you is a waste of time, get a colleague",
 "can a human read this instead of an algorithm",
 "I don't trust automated systems with my money"],
},
"de": {
"role": ["ich brauche Ihre Leitung des Kundenservice",
 "die Lohnbuchhaltung bräuchte ich mal kurz",
 "Ihre Juristen sollen sich das ansehen, bitte weiterleiten",
 "ich brauch nen steuerberater",
 "die Versandabteilung bitte",
 "kann ich mit einem Apotheker sprechen",
 "die Hausverwaltung soll mich anrufen",
 "kann mir jemand vom Amt helfen",
 "ich brauch wen von der versicherung",
 "holt mir die vermietung ran",
 "jemand von eurer bank bitte, kein chatbot",
 "ein Sachbearbeiter soll sich das anschauen",
 "Mein persönlicher Kundenbetreuer soll übernehmen",
 "geben Sie mich an jemand Ranghöheren weiter",
 "ich möchte mit der Sprechstundenhilfe reden",
 "bitte weiter zur Personalabteilung",
 "ich will zum marktleiter durchgestellt werden",
 "lasst mich mit dem team reden das für erstattungen zuständig ist"],
"refuse": ["mit dir zu schreiben ist zeitverschwendung, hol nen kollegen",
 "kann das ein Mensch lesen statt ein Algorithmus",
 "automatischen Systemen vertraue ich mein Geld nicht an"],
},
}
HUMAN_NEGATIVE = {
"en": {
"not_mention": ["please send the letter to my HR department",
 "the pharmacist said I need a new prescription",
 "my landlord needs a copy of the bill",
 "what's the fax number for the claims department",
 "is the service desk open on bank holidays",
 "do you have a branch with staff in Leeds",
 "my bank advisor recommended your product"],
},
"de": {
"not_mention": ["bitte schickt den Brief an meine Personalabteilung",
 "der Apotheker meinte, ich brauche ein neues Rezept",
 "mein Vermieter braucht eine Kopie der Rechnung",
 "wie ist die Faxnummer der Schadenabteilung",
 "hat der Servicedesk an Feiertagen offen",
 "habt ihr in Köln eine Filiale mit Personal",
 "mein Bankberater hat mir euer Produkt empfohlen"],
},
}
SENTIMENT_POSITIVE = {
"en": ["spot on, thank you",
 "the new tariff is great value",
 "can't fault the service",
 "easy refund, no hassle",
 "happy customer here",
 "wonderful, that's exactly what I needed"],
"de": ["genau so, danke dir",
 "der neue Tarif ist echt günstig",
 "am Service gibt es nichts auszusetzen",
 "Erstattung ging problemlos",
 "zufriedene Kundin hier",
 "wunderbar, genau das hab ich gebraucht",
 "echt klasse gemacht",
 "das war ja einfach, danke"],
}
SENTIMENT_IRONY = {
"en": ["oh perfect, the parcel went to the wrong town again",
 "brilliant, a bill for a service I cancelled",
 "nice one, the app forgot my card again",
 "fantastic, on hold for another hour"],
"de": ["na super, paket wieder im falschen ort",
 "prima, eine rechnung für was ich gekündigt hab",
 "wunderbar, die app hat meine karte schon wieder vergessen",
 "klasse, noch ne stunde warteschleife",
 "na toll gemacht, wieder falsch geliefert"],
}
SENTIMENT_NEGATIVE = {
"en": ["I was promised a callback that never happened",
 "the form on your site keeps losing my data",
 "what a rubbish experience"],
"de": ["mir wurde ein Rückruf versprochen, der nie kam",
 "das formular auf eurer seite verliert ständig meine eingaben",
 "ein einziger Reinfall mit euch"],
}
SENTIMENT_NEUTRAL = {
"en": ["I'm away next week, please deliver after the 12th",
 "can I collect it from the shop",
 "does the price include VAT",
 "the meter reading is 12345"],
"de": ["ich bin nächste woche weg, bitte nach dem 12. liefern",
 "kann ich das im laden abholen",
 "ist die mehrwertsteuer im preis drin",
 "der Zählerstand ist 12345"],
}
