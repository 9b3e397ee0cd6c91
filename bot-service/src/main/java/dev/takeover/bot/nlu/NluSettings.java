package dev.takeover.bot.nlu;

import java.util.Set;

/**
 * How the NLU decides.
 *
 * @param cost liblinear's regularisation parameter C for the lexical model
 * @param outOfScopeIntents catalogue intents that mean "not ours" (a catalogue may train them explicitly)
 * @param maxAnalysedLength longer messages are analysed by their beginning only
 * @param englishEmbeddingWeight the semantic model's share of the intent probability for English messages
 * @param otherEmbeddingWeight its share for other languages (the embedding models are English ones)
 * @param englishOutOfScopeQuantile the share of the catalogue's own English phrases, each left out in turn, that
 *     would be called out of scope: sets the nearest-phrase similarity threshold for English messages
 * @param otherOutOfScopeQuantile the same for German and other languages
 * @param minimumConfidence below this combined probability no intent claims the message: out of scope
 * @param minimumScore not in English: below this one-vs-rest score of the lexical model, out of scope
 * @param minimumSimilarity not in English: below this TF-IDF cosine to the nearest phrase, out of scope
 */
public record NluSettings(
        double cost,
        Set<String> outOfScopeIntents,
        int maxAnalysedLength,
        double englishEmbeddingWeight,
        double otherEmbeddingWeight,
        double englishOutOfScopeQuantile,
        double otherOutOfScopeQuantile,
        double minimumConfidence,
        double minimumScore,
        double minimumSimilarity) {

    double outOfScopeQuantile(String language) {
        return "en".equals(language) ? englishOutOfScopeQuantile : otherOutOfScopeQuantile;
    }

    public static NluSettings defaults() {
        return new NluSettings(8.0, Set.of("out_of_scope", "oos"), 4_000, 0.7, 0.2, 0.05, 0.05, 0.1, 0.10, 0.2);
    }
}
