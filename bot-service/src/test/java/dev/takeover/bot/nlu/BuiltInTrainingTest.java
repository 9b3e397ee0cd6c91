package dev.takeover.bot.nlu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline training of the built-in models ({@code ./mvnw -pl bot-service -am verify -Ptrain-builtin}): refreshes
 * the embedding cache of the training texts where they changed, trains with the default options, and writes
 * {@code src/main/resources/nlu/builtin/models.bin.gz}, which the service loads instead of training at start-up. Run
 * it after {@code evaluation/data/make_builtin.py} changed the training data; {@code BuiltInModelsTest} fails until
 * then. Kept out of the normal build: it takes about a minute on two cores.
 */
@Tag("training")
class BuiltInTrainingTest {

    private static final Path SOURCES = Path.of("src/main/resources");

    @Test
    void trainsTheBuiltInModelsAndShipsWeightsThatDecideAsTheTrainedOnesDo() throws Exception {
        SentenceEncoder.Model model = SentenceEncoder.Model.ALL_MINILM_L6_V2_Q;
        try (SentenceEncoder encoder =
                new SentenceEncoder(model, Runtime.getRuntime().availableProcessors())) {
            refreshEmbeddings(encoder);
            BuiltInModels.Options options = BuiltInModels.Options.defaults();
            SentimentAnalyzer lexicon = new SentimentAnalyzer();
            long started = System.nanoTime();
            BuiltInModels trained = BuiltInModels.train(options, lexicon, encoder);
            System.out.printf("trained in %d ms%n", (System.nanoTime() - started) / 1_000_000);

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            trained.write(BuiltInModels.fingerprint(options, model.name()), model.name(), bytes);
            Path target = SOURCES.resolve(BuiltInModels.RESOURCE.substring(1));
            Files.write(target, bytes.toByteArray());
            // and where this run's class path reads it, for the evaluation run after it (-Dsurefire.runOrder)
            Files.write(Path.of("target/classes").resolve(BuiltInModels.RESOURCE.substring(1)), bytes.toByteArray());
            System.out.println(target + ": " + bytes.size() + " bytes");

            // the stored floats decide as the trained doubles do, on texts neither was trained on
            BuiltInModels stored = BuiltInModels.read(new ByteArrayInputStream(bytes.toByteArray()))
                    .models(options, lexicon);
            List<FrozenSets.Item> dev = FrozenSets.load("/evaluation/dev/human-request.tsv");
            dev.addAll(FrozenSets.load("/evaluation/dev/critical.tsv"));
            dev.addAll(FrozenSets.load("/evaluation/dev/sentiment.tsv"));
            float[][] embeddings =
                    encoder.encode(dev.stream().map(FrozenSets.Item::text).toList());
            for (int i = 0; i < dev.size(); i++) {
                FrozenSets.Item item = dev.get(i);
                List<String> terms = TextFeatures.terms(item.text(), item.language());
                for (float[] embedding : new float[][] {embeddings[i], null}) {
                    BuiltInModels.Assessment expected = trained.assess(item.text(), item.language(), terms, embedding);
                    BuiltInModels.Assessment actual = stored.assess(item.text(), item.language(), terms, embedding);
                    assertThat(actual.humanRequested()).as(item.text()).isEqualTo(expected.humanRequested());
                    assertThat(actual.humanProbability())
                            .as(item.text())
                            .isCloseTo(expected.humanProbability(), org.assertj.core.data.Offset.offset(1e-3));
                    assertThat(actual.critical()).as(item.text()).isEqualTo(expected.critical());
                    assertThat(actual.sentiment().label())
                            .as(item.text())
                            .isEqualTo(expected.sentiment().label());
                }
            }
        }
    }

    /** The cache holds exactly the current training texts: new ones embedded, removed ones dropped. */
    private static void refreshEmbeddings(SentenceEncoder encoder) throws Exception {
        List<String> texts = BuiltInEmbeddings.texts();
        EmbeddingCache cache = EmbeddingCache.load(encoder.model().name());
        float[][] embeddings = cache.embed(texts, encoder);
        Path target = SOURCES.resolve(EmbeddingCache.RESOURCE.substring(1));
        try (OutputStream out = Files.newOutputStream(target)) {
            EmbeddingCache.write(encoder.model().name(), texts, embeddings, out);
        }
        // the service's class path still holds the old cache; training reads the new one through this copy
        Path compiled = Path.of("target/classes").resolve(EmbeddingCache.RESOURCE.substring(1));
        Files.copy(target, compiled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
