package dev.takeover.handover.waiting;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * What the customer reads while the conversation changes hands, in their language. German and English are built in;
 * any other language falls back to the configured default. Texts say what happens next and never leave the customer
 * guessing.
 */
public final class NoticeTexts {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en",
            Map.ofEntries(
                    Map.entry(
                            "handover",
                            "I'm bringing in a person from our support team{because}. Please stay here, I'll keep"
                                    + " you posted on your place in the queue."),
                    Map.entry("because.CUSTOMER_REQUEST", ", as you asked"),
                    Map.entry("because.NEGATIVE_SENTIMENT", " so that someone can take care of this personally"),
                    Map.entry("because.BOT_FAILURE", ", because I couldn't solve this for you"),
                    Map.entry("because.CRITICAL_ISSUE", " right away, as this sounds urgent"),
                    Map.entry("because.REPEATED_CONTACT", ", because you have already contacted us about this"),
                    Map.entry("queue", "You are number {position} in the queue. Expected wait: {wait}."),
                    Map.entry("queue.next", "You're next in line. Expected wait: {wait}."),
                    Map.entry(
                            "stillComing",
                            "You're in the queue and a person from our support team will be with you as soon as"
                                    + " possible. No need to write again, your place is kept."),
                    Map.entry("wait.underMinute", "less than a minute"),
                    Map.entry("wait.minutes", "about {minutes} minutes"),
                    Map.entry("wait.oneMinute", "about 1 minute"),
                    Map.entry("wait.hours", "about {hours} h {minutes} min"),
                    Map.entry("agentJoined", "{agent} from support has joined the conversation."),
                    Map.entry("agentJoined.anonymous", "A colleague from support has joined the conversation."),
                    Map.entry(
                            "outOfHours",
                            "Our support team isn't available right now. We're back {opening}. Everything you write"
                                    + " here is kept and handed to the first person available. {choices}"),
                    Map.entry(
                            "outOfHours.unknown",
                            "Our support team isn't available right now. Everything you write here is kept and"
                                    + " handed to the first person available. {choices}"),
                    Map.entry(
                            "noAgents",
                            "None of our colleagues who can help with this are online at the moment. Your messages"
                                    + " are kept and handed over as soon as someone is back. {choices}"),
                    Map.entry(
                            "waitLimit",
                            "Sorry for the wait, it's taking longer than we'd like. You keep your place in the"
                                    + " queue. {choices}"),
                    Map.entry(
                            "choices",
                            "If you prefer, reply CALLBACK and we'll call you back, or TICKET and we'll answer you"
                                    + " in writing."),
                    Map.entry(
                            "callbackConfirmed",
                            "Done: a colleague will call you back{when}. Your reference is {reference}. If we don't"
                                    + " have your phone number yet, just send it here."),
                    Map.entry(
                            "ticketConfirmed",
                            "Done: we've created ticket {reference} and will answer you in writing{when}."),
                    Map.entry("when.opening", " once we're back ({opening})"),
                    Map.entry(
                            "requeued",
                            "Your colleague had to leave the conversation. You're back in the queue; the next person"
                                    + " available will continue and sees everything you wrote."),
                    Map.entry(
                            "transferred",
                            "You're being passed to a colleague who can help further. They see everything so far."),
                    Map.entry(
                            "resolved",
                            "This conversation with our support team is closed. Just write here if you need anything"
                                    + " else."),
                    Map.entry(
                            "handBack",
                            "{agent} has handed you back to our virtual assistant. You can ask for a person at any"
                                    + " time."),
                    Map.entry(
                            "handBack.anonymous",
                            "You're talking to our virtual assistant again. You can ask for a person at any time."),
                    Map.entry(
                            "incident",
                            "We know about a current disruption that may be behind your request, and we're working"
                                    + " on it."),
                    Map.entry("incidentResolved", "Good news: the disruption we told you about has been resolved."),
                    Map.entry(
                            "abandoned",
                            "As we haven't heard from you, we've closed this request. Just write here whenever you"
                                    + " want to continue."),
                    Map.entry("opening.pattern", "'on' EEEE, d MMMM 'at' HH:mm (z)")),
            "de",
            Map.ofEntries(
                    Map.entry(
                            "handover",
                            "Ich hole eine Person aus unserem Support-Team dazu{because}. Bitte bleiben Sie hier, ich"
                                    + " halte Sie über Ihren Platz in der Warteschlange auf dem Laufenden."),
                    Map.entry("because.CUSTOMER_REQUEST", ", wie gewünscht"),
                    Map.entry("because.NEGATIVE_SENTIMENT", ", damit sich jemand persönlich darum kümmert"),
                    Map.entry("because.BOT_FAILURE", ", weil ich Ihnen hier nicht weiterhelfen konnte"),
                    Map.entry("because.CRITICAL_ISSUE", " – sofort, denn das klingt dringend"),
                    Map.entry("because.REPEATED_CONTACT", ", weil Sie sich deswegen schon bei uns gemeldet haben"),
                    Map.entry(
                            "queue",
                            "Sie sind auf Platz {position} der Warteschlange. Voraussichtliche Wartezeit: {wait}."),
                    Map.entry("queue.next", "Sie sind als Nächstes an der Reihe. Voraussichtliche Wartezeit: {wait}."),
                    Map.entry(
                            "stillComing",
                            "Sie sind in der Warteschlange, eine Person aus unserem Support-Team ist so bald wie möglich"
                                    + " für Sie da. Sie müssen nicht erneut schreiben, Ihr Platz bleibt erhalten."),
                    Map.entry("wait.underMinute", "weniger als eine Minute"),
                    Map.entry("wait.minutes", "etwa {minutes} Minuten"),
                    Map.entry("wait.oneMinute", "etwa 1 Minute"),
                    Map.entry("wait.hours", "etwa {hours} Std. {minutes} Min."),
                    Map.entry("agentJoined", "{agent} aus dem Support ist jetzt für Sie da."),
                    Map.entry(
                            "agentJoined.anonymous",
                            "Eine Kollegin oder ein Kollege aus dem Support ist jetzt für Sie da."),
                    Map.entry(
                            "outOfHours",
                            "Unser Support-Team ist gerade nicht erreichbar. Wir sind {opening} wieder da. Alles, was"
                                    + " Sie hier schreiben, bleibt erhalten und geht an die erste verfügbare Person."
                                    + " {choices}"),
                    Map.entry(
                            "outOfHours.unknown",
                            "Unser Support-Team ist gerade nicht erreichbar. Alles, was Sie hier schreiben, bleibt"
                                    + " erhalten und geht an die erste verfügbare Person. {choices}"),
                    Map.entry(
                            "noAgents",
                            "Gerade ist niemand online, der Ihnen dabei helfen kann. Ihre Nachrichten bleiben erhalten"
                                    + " und gehen an die erste Person, die wieder da ist. {choices}"),
                    Map.entry(
                            "waitLimit",
                            "Entschuldigen Sie die Wartezeit, es dauert länger als gewünscht. Ihr Platz in der"
                                    + " Warteschlange bleibt Ihnen erhalten. {choices}"),
                    Map.entry(
                            "choices",
                            "Wenn Sie möchten, antworten Sie mit RÜCKRUF, dann rufen wir Sie zurück, oder mit TICKET,"
                                    + " dann antworten wir Ihnen schriftlich."),
                    Map.entry(
                            "callbackConfirmed",
                            "Erledigt: Wir rufen Sie zurück{when}. Ihre Vorgangsnummer ist {reference}. Falls uns Ihre"
                                    + " Telefonnummer noch fehlt, schicken Sie sie einfach hier."),
                    Map.entry(
                            "ticketConfirmed",
                            "Erledigt: Wir haben das Ticket {reference} angelegt und antworten Ihnen schriftlich{when}."),
                    Map.entry("when.opening", ", sobald wir wieder da sind ({opening})"),
                    Map.entry(
                            "requeued",
                            "Ihr Ansprechpartner musste das Gespräch verlassen. Sie sind wieder in der"
                                    + " Warteschlange; die nächste verfügbare Person übernimmt und sieht alles, was Sie"
                                    + " geschrieben haben."),
                    Map.entry(
                            "transferred",
                            "Wir verbinden Sie mit einer Kollegin oder einem Kollegen, die oder der weiterhelfen kann."
                                    + " Der bisherige Verlauf wird mitgegeben."),
                    Map.entry(
                            "resolved",
                            "Dieses Gespräch mit unserem Support ist abgeschlossen. Schreiben Sie einfach hier, wenn"
                                    + " Sie noch etwas brauchen."),
                    Map.entry(
                            "handBack",
                            "{agent} hat Sie wieder an unseren digitalen Assistenten übergeben. Sie können jederzeit"
                                    + " wieder nach einer Person fragen."),
                    Map.entry(
                            "handBack.anonymous",
                            "Sie sprechen wieder mit unserem digitalen Assistenten. Sie können jederzeit wieder nach"
                                    + " einer Person fragen."),
                    Map.entry(
                            "incident",
                            "Uns ist eine aktuelle Störung bekannt, die hinter Ihrem Anliegen stecken kann; wir"
                                    + " arbeiten bereits daran."),
                    Map.entry(
                            "incidentResolved",
                            "Gute Nachricht: Die Störung, über die wir Sie informiert haben, ist behoben."),
                    Map.entry(
                            "abandoned",
                            "Da wir nichts mehr von Ihnen gehört haben, haben wir diese Anfrage geschlossen. Schreiben"
                                    + " Sie einfach hier, wenn Sie weitermachen möchten."),
                    Map.entry("opening.pattern", "'am' EEEE, d. MMMM, 'um' HH:mm 'Uhr' (z)")));

    private final String language;
    private final Map<String, String> texts;

    private NoticeTexts(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = texts;
    }

    /** The texts in this language, or in the fallback language when we don't write it. */
    public static NoticeTexts in(String language, String fallback) {
        String wanted = language == null ? fallback : language.toLowerCase(Locale.ROOT);
        if (wanted.length() > 2) {
            wanted = wanted.substring(0, 2);
        }
        if (TEXTS.containsKey(wanted)) {
            return new NoticeTexts(wanted, TEXTS.get(wanted));
        }
        String chosen = TEXTS.containsKey(fallback) ? fallback : "en";
        return new NoticeTexts(chosen, TEXTS.get(chosen));
    }

    public static boolean writes(String language) {
        return language != null && TEXTS.containsKey(language);
    }

    public String language() {
        return language;
    }

    public String handover(String reasonCode) {
        return fill("handover", "because", texts.getOrDefault("because." + reasonCode, ""));
    }

    public String queue(int position, long expectedWaitSeconds) {
        return fill(
                position == 1 ? "queue.next" : "queue",
                "position",
                String.valueOf(position),
                "wait",
                expectedWait(expectedWaitSeconds));
    }

    public String stillComing() {
        return texts.get("stillComing");
    }

    public String expectedWait(long seconds) {
        if (seconds < 60) {
            return texts.get("wait.underMinute");
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes == 1) {
            return texts.get("wait.oneMinute");
        }
        if (minutes < 60) {
            return fill("wait.minutes", "minutes", String.valueOf(minutes));
        }
        Duration duration = Duration.ofMinutes(minutes);
        return fill(
                "wait.hours",
                "hours",
                String.valueOf(duration.toHours()),
                "minutes",
                String.valueOf(duration.toMinutesPart()));
    }

    public String agentJoined(String agentName) {
        return agentName == null || agentName.isBlank()
                ? texts.get("agentJoined.anonymous")
                : fill("agentJoined", "agent", agentName);
    }

    public String outOfHours(ZonedDateTime opening) {
        return opening == null
                ? fill("outOfHours.unknown", "choices", texts.get("choices"))
                : fill("outOfHours", "opening", opening(opening), "choices", texts.get("choices"));
    }

    public String noAgents() {
        return fill("noAgents", "choices", texts.get("choices"));
    }

    public String waitLimit() {
        return fill("waitLimit", "choices", texts.get("choices"));
    }

    public String callbackConfirmed(String reference, ZonedDateTime opening) {
        return fill("callbackConfirmed", "reference", reference, "when", when(opening));
    }

    public String ticketConfirmed(String reference, ZonedDateTime opening) {
        return fill("ticketConfirmed", "reference", reference, "when", when(opening));
    }

    private String when(ZonedDateTime opening) {
        return opening == null ? "" : fill("when.opening", "opening", opening(opening));
    }

    public String requeued() {
        return texts.get("requeued");
    }

    public String transferred() {
        return texts.get("transferred");
    }

    public String resolved() {
        return texts.get("resolved");
    }

    public String handBack(String agentName) {
        return agentName == null || agentName.isBlank()
                ? texts.get("handBack.anonymous")
                : fill("handBack", "agent", agentName);
    }

    /** The operator's own words for this language if they gave some, else our general notice. */
    public String incident(Map<String, String> customerNotice) {
        String own = customerNotice.get(language);
        return own != null && !own.isBlank() ? own : texts.get("incident");
    }

    public String incidentResolved() {
        return texts.get("incidentResolved");
    }

    public String abandoned() {
        return texts.get("abandoned");
    }

    public String opening(ZonedDateTime opening) {
        return DateTimeFormatter.ofPattern(texts.get("opening.pattern"), Locale.forLanguageTag(language))
                .format(opening);
    }

    private String fill(String key, String... placeholders) {
        String text = texts.get(key);
        for (int i = 0; i < placeholders.length; i += 2) {
            text = text.replace("{" + placeholders[i] + "}", placeholders[i + 1]);
        }
        return text;
    }
}
