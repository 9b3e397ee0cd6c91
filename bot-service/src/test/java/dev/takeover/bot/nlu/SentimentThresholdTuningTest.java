package dev.takeover.bot.nlu;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentiment model's NEGATIVE threshold, on the dev sets only ({@code ./mvnw -pl bot-service -am verify -Pevaluate
 * -Dtest=SentimentThresholdTuningTest}): negative F1, three-label accuracy and positive messages read as negative per
 * language, the shipped weights deciding with each threshold (session 7 moved it from 0.3 to 0.5).
 */
@Tag("evaluation")
class SentimentThresholdTuningTest {

    @Test
    void comparesBothRulesOnTheDevelopmentSets() throws Exception {
        List<FrozenSets.Item> dev = new java.util.ArrayList<>(FrozenSets.load("/evaluation/dev/sentiment.tsv"));
        dev.addAll(FrozenSets.load("/evaluation/dev-de/sentiment.tsv"));
        try (SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2)) {
            BuiltInModels.Options d = BuiltInModels.Options.defaults();
            BuiltInModels shipped = BuiltInModels.load(
                    d, new SentimentAnalyzer(), encoder.model().name());
            double[] choices = {0.3, 0.35, 0.4, 0.5, 0.6};
            List<BuiltInModels> rules = new java.util.ArrayList<>();
            List<String> names = new java.util.ArrayList<>();
            for (double choice : choices) {
                rules.add(shipped.deciding(new BuiltInModels.Options(
                        d.embeddingWeight(),
                        d.cost(),
                        d.humanThreshold(),
                        d.criticalThreshold(),
                        choice,
                        d.positiveThreshold(),
                        d.lexiconTerms())));
                names.add("NEGATIVE from " + choice);
            }
            float[][] vectors =
                    encoder.encode(dev.stream().map(FrozenSets.Item::text).toList());
            double[] f1 = new double[choices.length];
            for (String language : List.of("de", "en")) {
                FrozenSets.Binary[] negative = new FrozenSets.Binary[choices.length];
                Arrays.fill(negative, FrozenSets.Binary.EMPTY);
                int[] right = new int[choices.length];
                int[] praiseAsNegative = new int[choices.length];
                int count = 0;
                for (int i = 0; i < dev.size(); i++) {
                    FrozenSets.Item item = dev.get(i);
                    if (!item.language().equals(language)) {
                        continue;
                    }
                    count++;
                    for (int rule = 0; rule < choices.length; rule++) {
                        Sentiment.Label label = rules.get(rule)
                                .assess(
                                        item.text(),
                                        item.language(),
                                        TextFeatures.terms(item.text(), item.language()),
                                        vectors[i])
                                .sentiment()
                                .label();
                        negative[rule] =
                                negative[rule].add("NEGATIVE".equals(item.label()), label == Sentiment.Label.NEGATIVE);
                        right[rule] += label.name().equals(item.label()) ? 1 : 0;
                        praiseAsNegative[rule] +=
                                "POSITIVE".equals(item.label()) && label == Sentiment.Label.NEGATIVE ? 1 : 0;
                    }
                }
                for (int rule = 0; rule < choices.length; rule++) {
                    System.out.printf(
                            Locale.ROOT,
                            "%s, %s: negative %s, three-label accuracy %.1f %%, praise read as negative %d (%d messages)%n",
                            language,
                            names.get(rule),
                            negative[rule].summary(),
                            100.0 * right[rule] / count,
                            praiseAsNegative[rule],
                            count);
                    f1[rule] += negative[rule].f1();
                }
            }
            assertThat(f1[0]).isGreaterThan(0.5);
        }
    }
}
