package dev.takeover.bot.nlu;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a single message shows about the customer's state beyond its sentiment: shouting, insults, rejecting the
 * bot's answer ("that didn't help", "das hilft nicht"), and a problem that keeps coming back ("schon wieder").
 */
public final class MessageCues {

    /** A cue; the conversation adds its own (see {@code Frustration}). */
    public enum Cue {
        SHOUTING,
        EXCLAMATIONS,
        INSULT,
        REJECTION,
        RECURRENCE,
        URGENCY
    }

    private static final Pattern INSULT = Pattern.compile("\\b(?:idiot\\w*|stupid|dumb|useless|pathetic|crap\\w*|"
            + "shit\\w*|bullshit|wtf|fuck\\w*|damn|garbage|trash|moron\\w*|incompetent|liars?|scam\\w*|rip ?off|"
            + "joke|ridiculous|scheiss\\w*|mist\\w*|bloed\\w*|dumm\\w*|nutzlos\\w*|unfaehig\\w*|inkompetent\\w*|"
            + "verarsch\\w*|sauladen|saftladen|witz|frechheit|unverschaemt\\w*|abzocke\\w*|betrueger\\w*|"
            + "laecherlich\\w*|kacke|armselig\\w*|zumutung)\\b");
    private static final Pattern REJECTION = Pattern.compile("\\b(?:(?:that|this|it|you|your answer)(?: (?:did|does|"
            + "is|was|has|have|are|were))? ?(?:not|n'?t|never) (?:help\\w*|answer\\w*|useful|what i (?:asked|meant|"
            + "wanted|need)|understand\\w*|solve\\w*|work\\w*|make sense|my question|right|correct)|(?:not|un)helpful|"
            + "no help|(?:wrong|useless|stupid|irrelevant) answer|you(?: do not|'?re not|are not|don'?t) "
            + "(?:get|understand|listen)|(?:that'?s|thats|that is) not (?:it|what)|(?:still|again) (?:not|doesn'?t|"
            + "didn'?t)|read my (?:question|message)|same answer|answer my question|"
            + "(?:hilft|half|bringt|brachte) (?:mir |uns )?(?:nicht|nichts|nix|kein\\w*|wenig)|(?:hat|hatte) (?:mir |uns )?"
            + "(?:nicht|nichts|nix|kein\\w*) (?:geholfen|gebracht|funktioniert)|nicht (?:geholfen|hilfreich|beantwortet|"
            + "gemeint|gefragt)|(?:verstehst|verstehen) (?:sie |du )?(?:mich |meine frage )?(?:nicht|nix|falsch)|"
            + "das (?:ist|war) (?:nicht|keine) (?:die )?(?:antwort|was ich|meine frage|gemeint|richtig)|"
            + "falsche antwort|das meine ich nicht|keine hilfe|lies meine|nicht was ich|gleiche antwort)\\b");
    private static final Pattern RECURRENCE = Pattern.compile("\\b(?:again|still|once more|another time|every time|"
            + "each time|keeps? (?:happening|failing|crashing)|(?:second|third|fourth|fifth|\\d+(?:st|nd|rd|th)) "
            + "time|how many times|how often|for (?:days|weeks|months)|again and again|over and over|schon wieder|"
            + "immer noch|immer wieder|nochmal|noch mal|erneut|jedes mal|staendig|dauernd|zum (?:zweiten|dritten|"
            + "vierten|x-?ten|wiederholten|\\d+\\.) mal|wie oft (?:noch|denn)|seit (?:tagen|wochen|monaten)|"
            + "schon (?:zweimal|dreimal|mehrmals|oft|x-?mal|\\d+ ?mal))\\b");
    private static final Pattern URGENCY = Pattern.compile("\\b(?:urgent\\w*|asap|immediately|right now|emergency|"
            + "critical|dringend\\w*|sofort|notfall|eilig|umgehend|kritisch\\w*)\\b");

    private MessageCues() {}

    public static Set<Cue> of(String text) {
        Set<Cue> cues = EnumSet.noneOf(Cue.class);
        String folded = TextFeatures.fold(text).replace('’', '\'').replaceAll("\\s+", " ");
        if (shouting(text)) {
            cues.add(Cue.SHOUTING);
        }
        if (text.contains("!!") || text.contains("?!") || text.contains("!?")) {
            cues.add(Cue.EXCLAMATIONS);
        }
        if (INSULT.matcher(folded).find()) {
            cues.add(Cue.INSULT);
        }
        if (REJECTION.matcher(folded).find()) {
            cues.add(Cue.REJECTION);
        }
        if (RECURRENCE.matcher(folded).find()) {
            cues.add(Cue.RECURRENCE);
        }
        if (URGENCY.matcher(folded).find()) {
            cues.add(Cue.URGENCY);
        }
        return cues;
    }

    /** Mostly capitals over enough letters to mean it ("WHERE IS MY PARCEL", not "OK" or "DHL"). */
    static boolean shouting(String text) {
        int letters = 0;
        int capitals = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    capitals++;
                }
            }
        }
        return letters >= 8 && capitals >= 0.7 * letters;
    }
}
