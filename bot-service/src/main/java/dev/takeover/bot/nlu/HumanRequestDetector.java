package dev.takeover.bot.nlu;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The high-precision layer of the request for a person: rules for the common direct and indirect ways ("can I talk
 * to a real person", "Mitarbeiter bitte", "bist du ein Bot? ich will einen Menschen"), in German and English, and the
 * ways of declining one ("I don't need a human"). The model in {@link BuiltInModels} finds what they do not know. The
 * rules read the folded text (lower case, umlauts as ae/oe/ue).
 */
public final class HumanRequestDetector {

    private static final String EN_PERSON = "(?:a |an |some |the |your |one of your |real |actual |live |human |"
            + "proper )*(?:humans?|persons?|people|agents?|representatives?|reps?|operators?|somebody|someone|anybody|"
            + "anyone|staff|employees?|supervisors?|managers?|advisors?|advisers?|consultants?|colleagues?|"
            + "specialists?|technicians?|customer (?:service|support|care)|support (?:team|staff|person|agent)|"
            + "being|man|woman|guy)";
    private static final String DE_PERSON = "(?:einen? |einem |einer |nem |ner |den |dem |der |ihren? |ihrem |"
            + "echten? |echtem |richtigen? |richtigem |menschlichen? |lebendigen? |realen? )*(?:mensch(?:en)?|person(?:en)?|"
            + "mitarbeiter(?:in|innen|n)?|servicemitarbeiter\\w*|kundenberater\\w*|berater(?:in)?|"
            + "ansprechpartner(?:in)?|sachbearbeiter(?:in)?|kolleg(?:e|en|in)|jemand(?:en|em)?|support\\w*|"
            + "kundendienst\\w*|kundenservice\\w*|agent(?:en|in)?|operator|techniker\\w*|vorgesetzten?|chef|"
            + "menschlichen? (?:ansprechpartner|kontakt)\\w*)";

    private static final List<Pattern> REQUESTS = List.of(
            // "talk to a real person", "connect me with an agent", "put me through to someone from support"
            Pattern.compile("\\b(?:talk|speak|chat|connect|transfer|put me through|pass me|hand me|forward me|"
                    + "escalate|get me|reach|contact)\\b[\\w ,']{0,25}?\\b(?:to|with|through to)\\b [\\w ]{0,12}?"
                    + EN_PERSON + "\\b"),
            // "I want a human", "I need someone from support", "give me a real person"
            Pattern.compile("\\b(?:want|need|like|prefer|give me|get me|request|demand|insist on|looking for)\\b"
                    + "(?: to (?:have|get|talk to|speak to|speak with|talk with))? " + "(?:a |an |some |to )?"
                    + "(?:real |actual |live |human |proper )+(?:humans?|persons?|people|agents?|beings?|support)\\b"),
            Pattern.compile("\\b(?:want|need|like|prefer|give me|get me|request|demand)\\b (?:a |an |to )?"
                    + "(?:human|person|agent|representative|operator|someone from|somebody from|staff member|employee|"
                    + "supervisor|manager)\\b"),
            Pattern.compile("\\b(?:is there|are there|can i get|could i get|can i have|may i have|let me have)\\b "
                    + "(?:a |an |any )?(?:real |actual |live |human )*(?:human|person|people|agent|someone|somebody|"
                    + "representative|operator)\\b"),
            // "no bot", "stop the bot", "I don't want to talk to a machine"
            Pattern.compile("\\b(?:no|not|stop|enough|quit|done with|tired of|hate)\\b[\\w ]{0,20}?\\b(?:a |the |this |"
                    + "your |stupid |damn )?(?:bots?|robots?|chatbots?|machines?)\\b"
                    + "(?! (?:problem|issue|error))"),
            // "Ich möchte mit einem Mitarbeiter sprechen", "verbinden Sie mich mit einem Menschen"
            Pattern.compile("\\b(?:mit|zu|an)\\b (?:\\w+ ){0,2}?" + DE_PERSON + "\\b[\\w ,]{0,40}?"
                    + "\\b(?:sprechen|reden|verbinden|verbunden|weiterleiten|weitergeleitet|durchstellen|chatten|"
                    + "schreiben|telefonieren|kontakt)\\b"),
            Pattern.compile("\\b(?:sprechen|reden|verbinde\\w*|leite\\w*|stell\\w*|chatten|schreiben)\\b[\\w ,]{0,25}?"
                    + "\\b(?:mit|zu|an|weiter zu)\\b (?:\\w+ ){0,2}?" + DE_PERSON + "\\b"),
            // "ich will einen Menschen", "bitte einen Mitarbeiter", "ich brauche jemanden vom Support"
            Pattern.compile("\\b(?:will|moechte|mochte|brauche|haette gern|haette gerne|hatte gern|wuensche|"
                    + "verlange|bitte|gib mir|geben sie mir|her mit)\\b (?:\\w+ ){0,2}?(?:einen? |einem |einer |nen |"
                    + "ne |mit einem |mit einer )?(?:echten? |richtigen? |menschlichen? |lebendigen? )*(?:menschen|"
                    + "mensch|mitarbeiter\\w*|berater\\w*|ansprechpartner\\w*|sachbearbeiter\\w*|person|kollegen|"
                    + "kollegin|jemanden (?:vom|aus dem|von der|vom echten)|jemand echtes|servicemitarbeiter\\w*|"
                    + "kundenberater\\w*)\\b"),
            Pattern.compile(
                    "\\b(?:gibt es|gibts|gibt's|ist da|ist hier|sitzt da|kann ich)\\b (?:bei (?:euch|ihnen) )?(?:auch )?(?:noch )?(?:einen? |"
                            + "irgendeinen? )?(?:echten? |richtigen? )*(?:menschen|mensch|mitarbeiter\\w*|person|jemand)\\b"),
            // "keinen Bot mehr", "ich will nicht mit einer Maschine reden"
            Pattern.compile("\\b(?:kein|keine|keinen|nicht mit (?:einem|einer|dem|der)|schluss mit|genug vom?|"
                    + "weg mit|stopp?)\\b[\\w ]{0,12}?(?:bot|roboter|chatbot|maschine|automat|computer|ki)\\b"),
            Pattern.compile(
                    "\\b(?:stell\\w*|verbind\\w*|leit\\w*) (?:sie |du )?(?:mich )?(?:bitte )?(?:zum|zur|an den|an die|"
                            + "mit dem|mit der) (?:kundendienst|kundenservice|support|hotline|mitarbeiter\\w*|berater\\w*)"),
            Pattern.compile("\\b(?:human|person|agent|operator|mensch|menschen|mitarbeiter\\w*|berater\\w*) "
                    + "(?:please|pls|bitte|sofort|now)\\W*$"),
            // a bare request: "Mitarbeiter bitte", "human!", "agent please"
            Pattern.compile("^\\W*(?:(?:a |an |ein |einen )?(?:real |echten? )?(?:human|person|agent|operator|"
                    + "representative|mensch|menschen|mitarbeiter\\w*|berater\\w*|support|kundendienst|"
                    + "kundenservice|live agent|live chat)\\W*(?:please|pls|now|bitte|sofort|jetzt)?\\W*)+$"),
            Pattern.compile("^\\W*(?:please|bitte)\\W+(?:a |an |ein |einen )?(?:real |echten? )?(?:human|person|"
                    + "agent|operator|representative|mensch|menschen|mitarbeiter\\w*|berater\\w*)\\W*$"));

    private static final Pattern NEGATED = Pattern.compile(
            "\\b(?:don'?t|do not|dont|no need|not necessary|never)\\b (?:\\w+ ){0,2}?(?:need|want|have to)?\\s?"
                    + "(?:to )?(?:talk to |speak to |speak with )?(?:a |an )?(?:human|person|agent|someone|somebody|anyone|anybody)\\b"
                    + "|\\b(?:brauche|will|moechte|muss)\\b (?:\\w+ )?(?:keinen|nicht mit einem|nicht mit einer) "
                    + "(?:menschen|mitarbeiter|berater|person)\\b");

    /** True when the text asks for a person in a way these rules know. */
    public boolean requestsHuman(String text) {
        String folded = folded(text);
        if (NEGATED.matcher(folded).find()) {
            return false;
        }
        return matches(folded);
    }

    /** True when the text says it does not want a person ("I don't need a human"): the model is overruled too. */
    public boolean declinesHuman(String text) {
        return NEGATED.matcher(folded(text)).find();
    }

    private static String folded(String text) {
        return TextFeatures.fold(text).replace('’', '\'').replaceAll("\\s+", " ");
    }

    private static boolean matches(String folded) {
        for (Pattern request : REQUESTS) {
            if (request.matcher(folded).find()) {
                return true;
            }
        }
        return false;
    }
}
