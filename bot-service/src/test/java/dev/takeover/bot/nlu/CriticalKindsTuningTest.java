package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the critical model's training data generalises, on the development split only ({@code ./mvnw -pl bot-service
 * -am verify -Pevaluate -Dtest=CriticalKindsTuningTest}): dev P / R / F1 of "critical or not" per language (model with
 * embedding, the shipped threshold), and leave-one-kind-out, the model trained without any example of a kind and
 * tested on that kind's dev reports, with the dev routine questions it then flags. The frozen sets are measured by the
 * report, never here.
 */
@Tag("evaluation")
class CriticalKindsTuningTest {

    private static final List<String> KINDS =
            List.of("SERVICE_OUTAGE", "DATA_LOSS", "SECURITY_BREACH", "UNAUTHORISED_PAYMENT");

    @Test
    void measuresLeavingAKindOutOnTheDevelopmentSplit() throws Exception {
        try (SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2)) {
            List<BuiltInModels.Labelled> training = BuiltInModels.read("nlu/builtin/critical.tsv");
            List<FrozenSets.Item> dev = FrozenSets.load("/evaluation/dev/critical.tsv");
            Map<String, float[]> embeddings = BuiltInEmbeddings.of(encoder, training, dev);
            BuiltInModels.Options d = BuiltInModels.Options.defaults();
            StringBuilder line = new StringBuilder("dev");
            Map<String, FrozenSets.Binary> full = score(train(training, embeddings, d, null), dev, embeddings, d);
            line.append(" de ")
                    .append(full.get("de").summary())
                    .append(", en ")
                    .append(full.get("en").summary())
                    .append(" | left out, recall de / en (routine wrongly critical):");
            double sum = 0;
            for (String kind : KINDS) {
                Map<String, FrozenSets.Binary> left = score(train(training, embeddings, d, kind), dev, embeddings, d);
                String category = kind.toLowerCase(Locale.ROOT);
                double de = left.get("de " + category).recall();
                double en = left.get("en " + category).recall();
                sum += de + en;
                line.append(String.format(
                        Locale.ROOT,
                        " %s %.1f / %.1f (%d);",
                        category,
                        de * 100,
                        en * 100,
                        left.get("de routine").falsePositives()
                                + left.get("en routine").falsePositives()));
            }
            double mean = sum / (2 * KINDS.size());
            line.append(String.format(Locale.ROOT, " mean %.1f", mean * 100));
            System.out.println(line);
            assertThat(FrozenSets.sum(full.get("de"), full.get("en")).f1()).isGreaterThan(0.5);
        }
    }

    private static TextClassifier train(
            List<BuiltInModels.Labelled> training,
            Map<String, float[]> embeddings,
            BuiltInModels.Options d,
            String leftOut) {
        List<TextClassifier.Example> examples = new ArrayList<>();
        for (BuiltInModels.Labelled row : training) {
            if (!row.label().equals(leftOut)) {
                examples.add(new TextClassifier.Example(
                        terms(row.text(), row.language()), embeddings.get(row.text()), row.label()));
            }
        }
        return TextClassifier.train(examples, d.cost(), d.embeddingWeight());
    }

    /** Critical as the built-in models decide it: the likeliest label, when it is a kind, from the threshold on. */
    private static Map<String, FrozenSets.Binary> score(
            TextClassifier model, List<FrozenSets.Item> dev, Map<String, float[]> embeddings, BuiltInModels.Options d) {
        return FrozenSets.scores(dev, item -> !"NONE".equals(item.label()), item -> {
            double[] kinds = model.ownProbabilities(terms(item.text(), item.language()), embeddings.get(item.text()));
            int best = 0;
            for (int i = 1; i < kinds.length; i++) {
                if (kinds[i] > kinds[best]) {
                    best = i;
                }
            }
            return !"NONE".equals(model.labels().get(best)) && kinds[best] >= d.criticalThreshold();
        });
    }

    private static List<String> terms(String text, String language) {
        List<String> terms = new ArrayList<>(TextFeatures.terms(text, language));
        terms.addAll(CriticalCues.terms(text));
        return terms;
    }
}
