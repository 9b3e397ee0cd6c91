package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether the request model weighs {@link RequestCues}, chosen on the development split only
 * ({@code ./mvnw -pl bot-service -am verify -Pevaluate -Dtest=RequestCuesTuningTest}): dev F1 of the request model
 * (model with embedding, the shipped threshold), and leave-one-category-out, the model trained without any example of a
 * category and tested on that category's dev messages. The frozen sets are measured by the report, never here.
 */
@Tag("evaluation")
class RequestCuesTuningTest {

    private static final List<String> CATEGORIES =
            List.of("direct", "contact", "role", "refuse", "preference", "frustrated");

    @Test
    void measuresTheCuesOnTheDevelopmentSplit() throws Exception {
        try (SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2)) {
            List<BuiltInModels.Labelled> training = BuiltInModels.read("nlu/builtin/human-request.tsv");
            List<FrozenSets.Item> dev = FrozenSets.load("/evaluation/dev/human-request.tsv");
            Map<String, float[]> embeddings = BuiltInEmbeddings.of(encoder, training, dev);
            BuiltInModels.Options d = BuiltInModels.Options.defaults();
            double[] meanRecall = new double[2];
            for (boolean cues : new boolean[] {false, true}) {
                StringBuilder line = new StringBuilder(cues ? "with RequestCues:" : "without:");
                TextClassifier full = train(training, embeddings, cues, d, null);
                Map<String, FrozenSets.Binary> scores = score(full, dev, embeddings, cues, d);
                line.append(" dev de ")
                        .append(scores.get("de").summary())
                        .append(", en ")
                        .append(scores.get("en").summary())
                        .append(" | left out, recall de / en (precision over all dev):");
                double sum = 0;
                for (String category : CATEGORIES) {
                    TextClassifier without = train(training, embeddings, cues, d, category);
                    Map<String, FrozenSets.Binary> left = score(without, dev, embeddings, cues, d);
                    double de = left.get("de " + category).recall();
                    double en = left.get("en " + category).recall();
                    sum += de + en;
                    line.append(String.format(
                            Locale.ROOT,
                            " %s %.1f / %.1f (%.1f);",
                            category,
                            de * 100,
                            en * 100,
                            FrozenSets.sum(left.get("de"), left.get("en")).precision() * 100));
                }
                meanRecall[cues ? 1 : 0] = sum / (2 * CATEGORIES.size());
                line.append(String.format(Locale.ROOT, " mean %.1f", meanRecall[cues ? 1 : 0] * 100));
                System.out.println(line);
            }
            assertThat(meanRecall[0]).isGreaterThan(0.3);
        }
    }

    private static TextClassifier train(
            List<BuiltInModels.Labelled> training,
            Map<String, float[]> embeddings,
            boolean cues,
            BuiltInModels.Options d,
            String leftOut) {
        List<TextClassifier.Example> examples = new ArrayList<>();
        for (BuiltInModels.Labelled row : training) {
            if (!row.category().equals(leftOut)) {
                examples.add(new TextClassifier.Example(
                        terms(row.text(), row.language(), cues), embeddings.get(row.text()), row.label()));
            }
        }
        return TextClassifier.train(examples, d.cost(), d.embeddingWeight());
    }

    private static Map<String, FrozenSets.Binary> score(
            TextClassifier model,
            List<FrozenSets.Item> dev,
            Map<String, float[]> embeddings,
            boolean cues,
            BuiltInModels.Options d) {
        return FrozenSets.scores(
                dev,
                item -> Boolean.parseBoolean(item.label()),
                item -> model.probability(
                                "true", terms(item.text(), item.language(), cues), embeddings.get(item.text()))
                        >= d.humanThreshold());
    }

    private static List<String> terms(String text, String language, boolean cues) {
        List<String> terms = new ArrayList<>(TextFeatures.terms(text, language));
        if (cues) {
            terms.addAll(RequestCues.terms(text));
        }
        return terms;
    }
}
