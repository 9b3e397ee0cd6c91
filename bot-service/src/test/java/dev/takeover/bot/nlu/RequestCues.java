package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A candidate feature of the request model, measured and not adopted (session 7, {@code RequestCuesTuningTest}: on the
 * dev split the same F1 with and without, and leave-one-category-out recall 73.6 % against 74.0 % on average). Word
 * classes of a request for a person, in English and German, as terms the request model weighs beside the
 * message's own words: someone to talk to (a person, a role or a department), reaching or being put through, the bot
 * itself, a preference. A role or office no training example named ("the front desk", "die Schichtleitung") then shares
 * the evidence of those that were. A class alone decides nothing ("my manager approved it" names a role): the model
 * learnt from near-misses how much each counts, and the pairs of classes are terms of their own.
 */
final class RequestCues {

    private static final Pattern WHO =
            Pattern.compile("\\b(?:humans?|hooman|persons?|people|some(?:one|body)|sum1|any(?:one|body)"
                    + "|staff|employees?|colleagues?|agents?|reps?|representatives?|advis[eo]rs?|operators?|managers?|supervisors?|boss"
                    + "|team ?lead\\w*|head of|department|dept|office|desk|reception\\w*|billing|accounts|finance|payroll|claims|legal"
                    + "|specialists?|experts?|technicians?|engineers?|officers?|consultants?|clerks?|handlers?|underwriters?|lawyers?"
                    + "|mensch\\w*|jemand\\w*|wen|mitarbeit\\w*|kolleg\\w*|berater\\w*|ansprechpartner\\w*|chef\\w*|vorgesetzt\\w*"
                    + "|\\w*leiter\\w*|\\w*leitung|\\w*abteilung|buchhaltung|abrechnung|empfang|rezeption|sachbearbeit\\w*|fachmann"
                    + "|fachkraft|expert\\w*|techniker\\w*|kundendienst|kundenservice|\\w*beauftragte\\w*|\\w*betreuer\\w*|personal"
                    + "|leute)\\b");
    private static final Pattern REACH =
            Pattern.compile("\\b(?:speak|talk|chat with|put (?:me )?(?:through|on)|transfer\\w*"
                    + "|connect\\w*|pass (?:me|this|it)|hand (?:me|this|it)|escalate\\w*|get (?:me|hold)|reach|contact\\w*|call me"
                    + "|call back|callback|ring me|phone me|email me|get in touch|loop in|bring in|take (?:this |it )?over|pick (?:this|it) up"
                    + "|sprechen|reden|redn|schreiben|verbind\\w*|durchstell\\w*|stellen sie mich|weiterleit\\w*|weitergeb\\w*|weiter an"
                    + "|uebergeb\\w*|uebernehm\\w*|anrufen|zurueckruf\\w*|rueckruf\\w*|erreich\\w*|meld\\w*|kontakt\\w*|hol(?:t|en)? (?:mir|mal)"
                    + "|gib (?:mir|mal)|strippe|ans telefon)\\b");
    private static final Pattern BOT =
            Pattern.compile("\\b(?:bot|chatbot|robot|machine|computer|ai|program(?:me)?|software"
                    + "|script|algorithm|automated|automatic|canned|templates?|virtual assistant|roboter\\w*|maschine|ki|programm|skript"
                    + "|algorithmus|automat\\w*|textbaustein\\w*|vorlagen?)\\b");
    private static final Pattern PREFER =
            Pattern.compile("\\b(?:rather|prefer\\w*|sooner|more comfortable|feel (?:better|safer)"
                    + "|lieber|bevorzug\\w*|angenehmer|wohler|sicherer)\\b");

    private RequestCues() {}

    /** One term per class the text has, and one per pair of them, for the request model. */
    static List<String> terms(String text) {
        String folded = TextFeatures.fold(text).replace('’', '\'');
        List<String> classes = new ArrayList<>(4);
        if (WHO.matcher(folded).find()) {
            classes.add("who");
        }
        if (REACH.matcher(folded).find()) {
            classes.add("reach");
        }
        if (BOT.matcher(folded).find()) {
            classes.add("bot");
        }
        if (PREFER.matcher(folded).find()) {
            classes.add("prefer");
        }
        List<String> terms = new ArrayList<>(classes.size() * 2);
        for (int i = 0; i < classes.size(); i++) {
            terms.add("h:" + classes.get(i));
            for (int j = i + 1; j < classes.size(); j++) {
                terms.add("h:" + classes.get(i) + "+" + classes.get(j));
            }
        }
        return terms;
    }
}
