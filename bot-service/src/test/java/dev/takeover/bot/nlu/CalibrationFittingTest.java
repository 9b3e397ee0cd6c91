package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.takeover.bot.dialogue.Resources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fits {@link ConfidenceCalibration#FITTED} on the development sets only (protocol A's {@code labelled.jsonl} on the shop
 * catalogue, the dev split of {@code evaluation/assistant/} on its catalogue) and prints it: how the shipped values
 * were chosen ({@code ./mvnw -pl bot-service -am verify -Pevaluate -Dtest=CalibrationFittingTest}). The frozen sets
 * measure it, in the report.
 */
@Tag("evaluation")
class CalibrationFittingTest {

    /**
     * What this fit gave in round 5, on the dev decisions of the shipped model (dev ECE 0.054, the shipped values' 0.056
     * on the same decisions, raw 0.337): a tie, so the shipped values stay; the report measures it beside them.
     */
    static final ConfidenceCalibration REFITTED = new ConfidenceCalibration(1.912, 2.828, 0.985, -1.537);

    @Test
    void fitsTheConfidenceCalibrationOnTheDevelopmentSets() throws Exception {
        try (SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2)) {
            List<Calibrations.Decision> dev = devDecisions(encoder);
            ConfidenceCalibration fitted = Calibrations.fit(dev);
            double before = Calibrations.ece(Calibrations.pairs(dev, ConfidenceCalibration.NONE));
            double after = Calibrations.ece(Calibrations.pairs(dev, fitted));
            System.out.printf(
                    Locale.ROOT,
                    "fitted on %d dev decisions: %s; dev ECE %.3f -> %.3f; shipped %s gives %.3f%n",
                    dev.size(),
                    fitted,
                    before,
                    after,
                    ConfidenceCalibration.FITTED,
                    Calibrations.ece(Calibrations.pairs(dev, ConfidenceCalibration.FITTED)));
            assertThat(after).isLessThan(before);
        }
    }

    static List<Calibrations.Decision> devDecisions(SentenceEncoder encoder) throws Exception {
        BuiltInModels builtIns = BuiltInModels.load(
                BuiltInModels.Options.defaults(),
                new SentimentAnalyzer(),
                encoder.model().name());
        LanguageDetector languages = new LanguageDetector();
        List<Calibrations.Decision> decisions = new ArrayList<>();
        LinearNlu shop =
                new LinearNlu(NluSettings.defaults(), languages, encoder, builtIns, ConfidenceCalibration.NONE);
        shop.replaceCatalogue(Catalogue.parse(Resources.read("nlu/catalogue.jsonl")));
        collect(shop, Evaluation.load("/evaluation/labelled.jsonl"), decisions);
        LinearNlu assistant =
                new LinearNlu(NluSettings.defaults(), languages, encoder, builtIns, ConfidenceCalibration.NONE);
        assistant.replaceCatalogue(Catalogue.parse(Resources.read("evaluation/assistant/catalogue.jsonl")));
        collect(
                assistant,
                Evaluation.load("/evaluation/assistant/messages.jsonl").stream()
                        .filter(item -> "dev".equals(item.split()))
                        .toList(),
                decisions);
        return decisions;
    }

    private static void collect(LinearNlu nlu, List<Evaluation.Labelled> items, List<Calibrations.Decision> into) {
        for (Evaluation.Outcome outcome : Evaluation.run(nlu, items)) {
            if (outcome.scoresIntent()) {
                into.add(new Calibrations.Decision(
                        outcome.actual().intent().confidence(),
                        outcome.actual().intent().name(),
                        outcome.intentCorrect()));
            }
        }
    }
}
