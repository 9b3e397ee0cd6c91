package dev.takeover.bot.dialogue;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.takeover.bot.nlu.Understanding;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

/**
 * How a customer's reply to the satisfaction question reads: a score of 1 to 5, an answer in words (null score), or
 * no answer at all, when the reply asks for a person, raises a topic the bot can answer, says yes or no, or is a
 * number off the scale. Short words count when the bot sees no topic in them (out of scope, or unsure and with a
 * feeling), or they thank, say goodbye or complain.
 */
public record SurveyAnswer(Integer score) {

    /** A number is a rating only in a short reply: "5", "4 von 5", "I'd say 3/5". */
    static final int LONGEST_RATING = 40;

    /** Longer replies are a new message, not a comment on the help they had. */
    static final int LONGEST_WORDS = 160;

    private static final Pattern RATING =
            Pattern.compile("(?<![\\d.,])([1-5])(?:\\s*(?:/|von|of|out of)\\s*5)?(?![\\d.,])");
    private static final Pattern WORD = Pattern.compile("\\p{L}");
    private static final Set<String> WORDS_ABOUT_THE_HELP = Set.of("thanks", "goodbye", "complaint");

    public static SurveyAnswer scored(int score) {
        return new SurveyAnswer(score);
    }

    public static SurveyAnswer inWords() {
        return new SurveyAnswer(null);
    }

    public boolean isInWords() {
        return score == null;
    }

    /** {@code folded} is the reply as {@code TextFeatures.fold} gives it; below {@code answerConfidence} the bot is unsure. */
    public static Optional<SurveyAnswer> read(String folded, Understanding understanding, double answerConfidence) {
        Matcher rating = RATING.matcher(folded);
        if (folded.length() <= LONGEST_RATING && rating.find()) {
            return Optional.of(scored(Integer.parseInt(rating.group(1))));
        }
        boolean words = WORD.matcher(folded).find();
        if (!words || folded.length() > LONGEST_WORDS || understanding.humanRequested()) {
            return Optional.empty();
        }
        boolean unsure = understanding.intent().confidence() < answerConfidence;
        boolean feeling = understanding.sentiment().label() != Sentiment.Label.NEUTRAL;
        if (understanding.outOfScope()
                || (unsure && feeling)
                || WORDS_ABOUT_THE_HELP.contains(understanding.intent().name())) {
            return Optional.of(inWords());
        }
        return Optional.empty();
    }
}
