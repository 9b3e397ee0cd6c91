package dev.takeover.bot.nlu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.takeover.bot.dialogue.Resources;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

/** The NLU as it was before issue 9, measured once on the frozen sets: {@code evaluation/BASELINE.md}. */
@Tag("evaluation")
class NluBaselineTest {

    @Test
    void measuresTheNluBeforeIssue9() throws Exception {
        SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2);
        LinearNlu shop =
                new LinearNlu(NluSettings.defaults(), new LanguageDetector(), new SentimentAnalyzer(), encoder);
        shop.replaceCatalogue(Catalogue.parse(Resources.read("nlu/catalogue.jsonl")));
        StringBuilder out = new StringBuilder("# Baseline: the NLU before issue 9, on the frozen sets\n\n");

        List<FrozenSets.Item> human = FrozenSets.load("/evaluation/frozen/human-request.tsv");
        out.append("## Requests for a person (P / R / F1)\n\n| set | result |\n|---|---|\n");
        table(
                out,
                FrozenSets.scores(
                        human,
                        item -> Boolean.parseBoolean(item.label()),
                        item -> shop.understand(item.text(), null).humanRequested()));

        Set<String> critical = Set.of("service_outage", "data_loss", "security_incident");
        List<FrozenSets.Item> criticalItems = FrozenSets.load("/evaluation/frozen/critical.tsv");
        out.append("\n## Critical issues: a critical intent with confidence ≥ 0.5 (the policy's rule)\n\n"
                + "| set | result |\n|---|---|\n");
        table(out, FrozenSets.scores(criticalItems, item -> !"NONE".equals(item.label()), item -> {
            Understanding u = shop.understand(item.text(), null);
            return critical.contains(u.intent().name()) && u.intent().confidence() >= 0.5;
        }));

        List<FrozenSets.Item> sentiment = FrozenSets.load("/evaluation/frozen/sentiment.tsv");
        out.append("\n## Negative sentiment (P / R / F1)\n\n| set | result |\n|---|---|\n");
        table(
                out,
                FrozenSets.scores(
                        sentiment,
                        item -> "NEGATIVE".equals(item.label()),
                        item -> shop.understand(item.text(), null).sentiment().label() == Sentiment.Label.NEGATIVE));

        List<FrozenSets.Item> smalltalk = FrozenSets.load("/evaluation/frozen/shop-smalltalk.tsv");
        out.append("\n## Small talk on the shop catalogue (accuracy)\n\n| language | accuracy |\n|---|---|\n");
        for (String language : List.of("de", "en")) {
            List<FrozenSets.Item> of = smalltalk.stream()
                    .filter(i -> i.language().equals(language))
                    .toList();
            long correct = of.stream()
                    .filter(i -> shop.understand(i.text(), null).intent().name().equals(i.label()))
                    .count();
            out.append("| ")
                    .append(language)
                    .append(" | ")
                    .append(FrozenSets.pct((double) correct / of.size()))
                    .append(" |\n");
        }

        LinearNlu bank =
                new LinearNlu(NluSettings.defaults(), new LanguageDetector(), new SentimentAnalyzer(), encoder);
        TrainingReport trained =
                bank.replaceCatalogue(Catalogue.parse(Resources.read("evaluation/bank/catalogue.jsonl")));
        List<FrozenSets.Item> bankItems = FrozenSets.load("/evaluation/frozen/bank-intents.tsv");
        out.append("\n## Bank catalogue (" + trained.phrases() + " phrases, " + trained.intents()
                + " intents, trained in " + trained.trainingMillis()
                + " ms)\n\n| language | in-scope accuracy | OOS P / R / F1 |\n|---|---|---|\n");
        for (String language : List.of("de", "en")) {
            List<FrozenSets.Item> of = bankItems.stream()
                    .filter(i -> i.language().equals(language))
                    .toList();
            int inScope = 0;
            int correct = 0;
            FrozenSets.Binary oos = FrozenSets.Binary.EMPTY;
            for (FrozenSets.Item item : of) {
                Understanding u = bank.understand(item.text(), null);
                boolean expectedOos = "oos".equals(item.label());
                oos = oos.add(expectedOos, u.outOfScope());
                if (!expectedOos) {
                    inScope++;
                    correct += u.intent().name().equals(item.label()) ? 1 : 0;
                }
            }
            out.append("| ")
                    .append(language)
                    .append(" | ")
                    .append(FrozenSets.pct((double) correct / inScope))
                    .append(" | ")
                    .append(oos.summary())
                    .append(" |\n");
        }
        Files.writeString(Path.of("evaluation", "BASELINE.md"), out.toString());
        encoder.close();
    }

    private static void table(StringBuilder out, Map<String, FrozenSets.Binary> scores) {
        scores.forEach((set, score) -> out.append("| ")
                .append(set)
                .append(" | ")
                .append(score.summary())
                .append(" |\n"));
    }
}
