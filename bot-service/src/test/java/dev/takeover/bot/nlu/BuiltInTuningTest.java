package dev.takeover.bot.nlu;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in models' candidates scored on the development split only ({@code evaluation/dev/}): how the shipped
 * options and thresholds were chosen ({@code ./mvnw -pl bot-service -am verify -Pevaluate -Dtest=BuiltInTuningTest}).
 * The frozen sets are measured by the report, never here.
 */
@Tag("evaluation")
class BuiltInTuningTest {

    private final SentimentAnalyzer lexicon = new SentimentAnalyzer();
    private final HumanRequestDetector rules = new HumanRequestDetector();

    @Test
    void scoresTheCandidatesOnTheDevelopmentSplit() throws Exception {
        try (SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2)) {
            List<FrozenSets.Item> human = FrozenSets.load("/evaluation/dev/human-request.tsv");
            List<FrozenSets.Item> critical = FrozenSets.load("/evaluation/dev/critical.tsv");
            List<FrozenSets.Item> sentiment = FrozenSets.load("/evaluation/dev/sentiment.tsv");
            float[][] h =
                    encoder.encode(human.stream().map(FrozenSets.Item::text).toList());
            float[][] c =
                    encoder.encode(critical.stream().map(FrozenSets.Item::text).toList());
            float[][] s =
                    encoder.encode(sentiment.stream().map(FrozenSets.Item::text).toList());

            BuiltInModels.Options d = BuiltInModels.Options.defaults();
            Map<String, BuiltInModels> candidates = new LinkedHashMap<>();
            candidates.put(
                    "shipped: round-2 data, embedding weight 6, C 256",
                    BuiltInModels.load(d, lexicon, "ALL_MINILM_L6_V2_Q"));
            try (InputStream round1 = getClass().getResourceAsStream("/evaluation/round1-models.bin.gz")) {
                candidates.put("round-1 weights", BuiltInModels.read(round1).models(d, lexicon));
            }
            for (double weight : new double[] {3, 12}) {
                candidates.put(
                        "round-2 data, embedding weight " + weight,
                        BuiltInModels.train(
                                new BuiltInModels.Options(weight, d.cost(), 0.5, 0.5, 0.5, 0.5, true),
                                lexicon,
                                encoder));
            }
            double shippedHumanF1 = 0;
            for (Map.Entry<String, BuiltInModels> candidate : candidates.entrySet()) {
                for (boolean withEmbedding : new boolean[] {true, false}) {
                    for (double threshold : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}) {
                        BuiltInModels models = candidate
                                .getValue()
                                .deciding(new BuiltInModels.Options(
                                        d.embeddingWeight(),
                                        d.cost(),
                                        threshold,
                                        threshold,
                                        threshold,
                                        threshold,
                                        d.lexiconTerms()));
                        Map<String, FrozenSets.Binary> hb = new LinkedHashMap<>();
                        for (int i = 0; i < human.size(); i++) {
                            FrozenSets.Item item = human.get(i);
                            var a = assess(models, item, withEmbedding ? h[i] : null);
                            boolean truth = Boolean.parseBoolean(item.label());
                            boolean found = !rules.declinesHuman(item.text())
                                    && (rules.requestsHuman(item.text()) || a.humanRequested());
                            hb.merge(item.language(), FrozenSets.Binary.EMPTY.add(truth, found), FrozenSets::sum);
                        }
                        FrozenSets.Binary cb = FrozenSets.Binary.EMPTY;
                        for (int i = 0; i < critical.size(); i++) {
                            FrozenSets.Item item = critical.get(i);
                            var a = assess(models, item, withEmbedding ? c[i] : null);
                            cb = cb.add(!"NONE".equals(item.label()), a.critical() != null);
                        }
                        Map<String, FrozenSets.Binary> sb = new LinkedHashMap<>();
                        for (int i = 0; i < sentiment.size(); i++) {
                            FrozenSets.Item item = sentiment.get(i);
                            var a = assess(models, item, withEmbedding ? s[i] : null);
                            sb.merge(
                                    item.language(),
                                    FrozenSets.Binary.EMPTY.add(
                                            "NEGATIVE".equals(item.label()),
                                            a.sentiment().label() == Sentiment.Label.NEGATIVE),
                                    FrozenSets::sum);
                        }
                        System.out.printf(
                                Locale.ROOT,
                                "%s%s t=%.1f | request de %s en %s | critical %s | negative de %s en %s%n",
                                candidate.getKey(),
                                withEmbedding ? "" : " (lexical)",
                                threshold,
                                hb.get("de").summary(),
                                hb.get("en").summary(),
                                cb.summary(),
                                sb.get("de").summary(),
                                sb.get("en").summary());
                        if (candidate.getKey().startsWith("shipped") && withEmbedding && threshold == 0.2) {
                            shippedHumanF1 =
                                    FrozenSets.sum(hb.get("de"), hb.get("en")).f1();
                        }
                    }
                }
            }
            assertThat(shippedHumanF1).isGreaterThan(0.8);
        }
    }

    private static BuiltInModels.Assessment assess(BuiltInModels models, FrozenSets.Item item, float[] embedding) {
        return models.assess(item.text(), item.language(), TextFeatures.terms(item.text(), item.language()), embedding);
    }
}
