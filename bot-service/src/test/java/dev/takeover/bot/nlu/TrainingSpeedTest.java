package dev.takeover.bot.nlu;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.takeover.bot.dialogue.Resources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's 50,000-phrase training on its own, with where the time goes, for working on training speed without
 * the whole report ({@code ./mvnw -pl bot-service -am verify -Pevaluate -Dtest=TrainingSpeedTest}).
 */
@Tag("evaluation")
class TrainingSpeedTest {

    @Test
    void trainsFiftyThousandPhrases() throws Exception {
        LanguageDetector languages = new LanguageDetector();
        Catalogue large = NluEvaluationReportTest.largeCatalogue(
                Catalogue.parse(Resources.read("evaluation/bank/catalogue.jsonl")), 50_000);
        try (SentenceEncoder encoder = new SentenceEncoder(
                SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, Runtime.getRuntime().availableProcessors())) {
            BuiltInModels builtIns = BuiltInModels.load(
                    BuiltInModels.Options.defaults(),
                    new SentimentAnalyzer(),
                    encoder.model().name());
            encoder.encode(List.of("warm up the encoder", "noch ein Satz"));
            double loadBefore = load();
            long started = System.nanoTime();
            List<IntentModel.Example> examples = new ArrayList<>();
            for (TrainingPhrase phrase : large.phrases()) {
                examples.add(
                        new IntentModel.Example(TextFeatures.terms(phrase.text(), phrase.language()), phrase.intent()));
            }
            long termsMillis = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            IntentModel.train(examples, NluSettings.defaults().cost());
            long lexicalMillis = (System.nanoTime() - started) / 1_000_000;

            LinearNlu nlu = new LinearNlu(NluSettings.defaults(), languages, encoder, builtIns);
            TrainingReport report = nlu.replaceCatalogue(large);
            double loadAfter = load();
            System.out.printf(
                    Locale.ROOT,
                    "training %d phrases: %d ms, of which embedding %d ms; alone: terms %d ms, lexical model %d ms;"
                            + " the rest (semantic model, out-of-scope calibration) about %d ms; load before / after"
                            + " %.1f / %.1f%n",
                    report.phrases(),
                    report.trainingMillis(),
                    report.embeddingMillis(),
                    termsMillis,
                    lexicalMillis,
                    report.trainingMillis() - report.embeddingMillis() - termsMillis - lexicalMillis,
                    loadBefore,
                    loadAfter);
            assertThat(report.phrases()).isEqualTo(50_000);
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
