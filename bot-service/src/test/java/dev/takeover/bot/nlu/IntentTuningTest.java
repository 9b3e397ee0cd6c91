package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.takeover.bot.dialogue.Resources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intent model's out-of-scope rules and per-language mix scored on the bank split's dev set only
 * ({@code evaluation/bank-split/dev.tsv}), with and without the catalogue's {@code oos} class: how the shipped German
 * settings were chosen ({@code ./mvnw -pl bot-service -am verify -Pevaluate -Dtest=IntentTuningTest}). The frozen
 * bank split is measured by the report, never here.
 */
@Tag("evaluation")
class IntentTuningTest {

    /** The bar for a catalogue with out-of-scope messages, applied to the dev set. */
    private static final double MINIMUM_OOS_RECALL = 0.85;

    private final LanguageDetector languages = new LanguageDetector();

    /** In-scope accuracy and out-of-scope recall of one language on one catalogue. */
    record Score(double inScope, double oosRecall) {}

    @Test
    void scoresTheOutOfScopeRulesOnTheDevelopmentSplit() throws Exception {
        List<FrozenSets.Item> dev = FrozenSets.load("/evaluation/bank-split/dev.tsv");
        try (SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2)) {
            BuiltInModels builtIns = BuiltInModels.load(
                    BuiltInModels.Options.defaults(),
                    new SentimentAnalyzer(),
                    encoder.model().name());
            NluSettings d = NluSettings.defaults();
            List<LinearNlu> trained = new ArrayList<>();
            for (String file : List.of("catalogue.jsonl", "catalogue-no-oos.jsonl")) {
                LinearNlu nlu = new LinearNlu(d, languages, encoder, builtIns);
                nlu.replaceCatalogue(Catalogue.parse(Resources.read("evaluation/bank-split/" + file)));
                trained.add(nlu);
            }

            diagnose(trained.get(0), dev);
            Map<String, NluSettings> ablations = new LinkedHashMap<>();
            ablations.put("shipped", d);
            ablations.put(
                    "no out-of-scope rule but the oos class",
                    with(d, d.otherEmbeddingWeight(), 0, 0, 0).withUnlikeConfidence(0));
            for (Map.Entry<String, NluSettings> ablation : ablations.entrySet()) {
                System.out.printf(
                        Locale.ROOT, "ablation %-40s %s%n", ablation.getKey(), line(trained, ablation.getValue(), dev));
            }

            String best = null;
            double bestInScope = -1;
            for (double weight : new double[] {0.2, 0.4, 0.6}) {
                for (double score : new double[] {0, 0.05, 0.1}) {
                    for (double confidence : new double[] {0.05, 0.1}) {
                        for (double unlike : new double[] {0, 0.1, 0.2}) {
                            NluSettings candidate = with(d, weight, score, d.minimumSimilarity(), confidence)
                                    .withUnlikeConfidence(unlike);
                            List<Score> scores = scores(trained, candidate, dev, "de");
                            String name = String.format(
                                    Locale.ROOT,
                                    "w=%.1f score=%.2f conf=%.2f unlike=%.1f",
                                    weight,
                                    score,
                                    confidence,
                                    unlike);
                            System.out.printf(Locale.ROOT, "de %-40s %s%n", name, describe(scores));
                            double inScope = scores.stream()
                                    .mapToDouble(Score::inScope)
                                    .average()
                                    .orElse(0);
                            boolean recallKept = scores.stream().allMatch(s -> s.oosRecall() >= MINIMUM_OOS_RECALL);
                            if (recallKept && inScope > bestInScope) {
                                bestInScope = inScope;
                                best = name;
                            }
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "chosen for German: %s (in scope %.3f)%n", best, bestInScope);
            assertThat(best).isNotNull();
        }
    }

    /** Where the shipped settings go wrong on the German in-scope dev messages. */
    private static void diagnose(LinearNlu nlu, List<FrozenSets.Item> dev) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (FrozenSets.Item item : dev) {
            if (!item.language().equals("de") || "oos".equals(item.label())) {
                continue;
            }
            Understanding u = nlu.understand(item.text(), null);
            String outcome =
                    u.outOfScope() ? "out of scope" : u.intent().name().equals(item.label()) ? "right" : "wrong intent";
            counts.merge(outcome + " (detected " + u.language() + ")", 1, Integer::sum);
            if (!"right".equals(outcome)) {
                System.out.printf(
                        Locale.ROOT,
                        "diagnose %s | %s -> %s %.3f | alternatives %s%n",
                        item.text(),
                        item.label(),
                        outcome,
                        u.intent().confidence(),
                        u.alternatives());
            }
        }
        System.out.println("diagnose German in scope: " + counts);
    }

    private String line(List<LinearNlu> trained, NluSettings settings, List<FrozenSets.Item> dev) {
        return "de " + describe(scores(trained, settings, dev, "de")) + " | en "
                + describe(scores(trained, settings, dev, "en"));
    }

    private static String describe(List<Score> scores) {
        StringBuilder out = new StringBuilder();
        for (Score score : scores) {
            out.append(String.format(
                    Locale.ROOT,
                    "in scope %5.1f %% oos recall %5.1f %%  ",
                    100 * score.inScope(),
                    100 * score.oosRecall()));
        }
        return out.toString();
    }

    /** Per catalogue (with, without the {@code oos} class): the language's in-scope accuracy and OOS recall. */
    private static List<Score> scores(
            List<LinearNlu> trained, NluSettings settings, List<FrozenSets.Item> dev, String language) {
        List<Score> scores = new ArrayList<>();
        for (LinearNlu nlu : trained) {
            LinearNlu deciding = nlu.deciding(settings);
            int inScope = 0;
            int right = 0;
            int oos = 0;
            int rejected = 0;
            for (FrozenSets.Item item : dev) {
                if (!item.language().equals(language)) {
                    continue;
                }
                Understanding u = deciding.understand(item.text(), null);
                if ("oos".equals(item.label())) {
                    oos++;
                    rejected += u.outOfScope() ? 1 : 0;
                } else {
                    inScope++;
                    right += !u.outOfScope() && u.intent().name().equals(item.label()) ? 1 : 0;
                }
            }
            scores.add(new Score((double) right / inScope, (double) rejected / oos));
        }
        return scores;
    }

    private static NluSettings with(
            NluSettings d,
            double otherWeight,
            double minimumScore,
            double minimumSimilarity,
            double minimumConfidence) {
        return new NluSettings(
                d.cost(),
                d.outOfScopeIntents(),
                d.maxAnalysedLength(),
                d.englishEmbeddingWeight(),
                otherWeight,
                d.englishOutOfScopeQuantile(),
                d.otherOutOfScopeQuantile(),
                minimumConfidence,
                minimumScore,
                minimumSimilarity,
                d.cascade(),
                d.cascadeIntentProbability(),
                d.cascadeSimilarity(),
                d.cascadeCertainty(),
                d.unlikeConfidence());
    }
}
