package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentiment model with the sentence embedding against its lexical twin, per language, on the dev sets only
 * ({@code evaluation/dev-de/sentiment.tsv} for German, the German and English lines of {@code evaluation/dev/}): how
 * {@link BuiltInModels#LEXICAL_SENTIMENT_LANGUAGES} was chosen
 * ({@code ./mvnw -pl bot-service -am verify -Pevaluate -Dtest=SentimentTuningTest}).
 */
@Tag("evaluation")
class SentimentTuningTest {

    @Test
    void scoresBothSentimentModelsPerLanguageOnTheDevelopmentSets() throws Exception {
        List<FrozenSets.Item> german = FrozenSets.load("/evaluation/dev-de/sentiment.tsv");
        List<FrozenSets.Item> dev = FrozenSets.load("/evaluation/dev/sentiment.tsv");
        try (SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2)) {
            BuiltInModels models = BuiltInModels.load(
                            BuiltInModels.Options.defaults(),
                            new SentimentAnalyzer(),
                            encoder.model().name())
                    .withLexicalSentimentIn(java.util.Set.of());
            List<String> lines = new ArrayList<>();
            double germanEmbedded = 0;
            double germanLexical = 0;
            for (String set : List.of("dev-de", "dev de", "dev en")) {
                List<FrozenSets.Item> items = switch (set) {
                    case "dev-de" -> german;
                    case "dev de" ->
                        dev.stream().filter(i -> "de".equals(i.language())).toList();
                    default ->
                        dev.stream().filter(i -> "en".equals(i.language())).toList();
                };
                float[][] vectors =
                        encoder.encode(items.stream().map(FrozenSets.Item::text).toList());
                for (boolean embedded : new boolean[] {true, false}) {
                    FrozenSets.Binary negative = FrozenSets.Binary.EMPTY;
                    int right = 0;
                    for (int i = 0; i < items.size(); i++) {
                        FrozenSets.Item item = items.get(i);
                        Sentiment sentiment = models.assess(
                                        item.text(),
                                        item.language(),
                                        TextFeatures.terms(item.text(), item.language()),
                                        embedded ? vectors[i] : null)
                                .sentiment();
                        negative = negative.add(
                                "NEGATIVE".equals(item.label()), sentiment.label() == Sentiment.Label.NEGATIVE);
                        right += sentiment.label().name().equals(item.label()) ? 1 : 0;
                    }
                    lines.add(String.format(
                            Locale.ROOT,
                            "%-7s %-9s (%d) negative P / R / F1 %s, three labels %.1f %%",
                            set,
                            embedded ? "embedding" : "lexical",
                            items.size(),
                            negative.summary(),
                            100.0 * right / items.size()));
                    if ("dev-de".equals(set)) {
                        if (embedded) {
                            germanEmbedded = negative.f1();
                        } else {
                            germanLexical = negative.f1();
                        }
                    }
                }
            }
            lines.forEach(System.out::println);
            System.out.printf(
                    Locale.ROOT,
                    "German dev-de negative F1: embedding %.3f, lexical %.3f%n",
                    germanEmbedded,
                    germanLexical);
            assertThat(germanEmbedded + germanLexical).isPositive();
        }
    }
}
