package dev.takeover.bot.nlu;

import java.util.Set;

/**
 * How the linear NLU decides.
 *
 * @param minimumScore below this one-vs-rest score no intent claims the message: out of scope
 * @param minimumSimilarity below this cosine similarity to the nearest training phrase: out of scope
 * @param cost liblinear's regularisation parameter C
 * @param outOfScopeIntents catalogue intents that mean "not ours" (a catalogue may train them explicitly)
 * @param maxAnalysedLength longer messages are analysed by their beginning only
 */
public record NluSettings(
        double minimumScore,
        double minimumSimilarity,
        double cost,
        Set<String> outOfScopeIntents,
        int maxAnalysedLength) {

    public static NluSettings defaults() {
        return new NluSettings(0.10, 0.2, 16.0, Set.of("out_of_scope", "oos"), 4_000);
    }
}
