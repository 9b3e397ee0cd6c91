package dev.takeover.bot.nlu;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Development aid: prints the evaluation without Maven or Quarkus. */
final class QuickEvaluation {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        LinearNlu nlu = new LinearNlu(NluSettings.defaults(), new LanguageDetector(), new SentimentAnalyzer());
        System.out.println("load " + (System.nanoTime() - start) / 1_000_000 + " ms");
        String body = new String(
                QuickEvaluation.class.getResourceAsStream("/nlu/catalogue.jsonl").readAllBytes(),
                StandardCharsets.UTF_8);
        System.out.println(nlu.replaceCatalogue(Catalogue.parse(body)).trainingMillis() + " ms training");
        List<Evaluation.Labelled> labelled = Evaluation.load("/evaluation/labelled.jsonl");
        List<Evaluation.Outcome> outcomes = Evaluation.run(nlu, labelled);
        Map<String, Evaluation.Scores> byLanguage = new LinkedHashMap<>();
        for (String language : List.of("de", "en")) {
            byLanguage.put(
                    language,
                    Evaluation.score(outcomes.stream()
                            .filter(o -> o.expected().language().equals(language))
                            .toList()));
        }
        System.out.println(Evaluation.table(byLanguage));
        if (args.length > 0 && args[0].equals("errors")) {
            System.out.println(Evaluation.errors(outcomes));
        }
        if (args.length > 0 && args[0].equals("sweep")) {
            LanguageDetector languages = new LanguageDetector();
            SentimentAnalyzer sentiments = new SentimentAnalyzer();
            for (double cost : new double[] {1, 4, 16, 64}) {
                for (double score : new double[] {0, 0.05, 0.1, 0.15, 0.2}) {
                    for (double similarity : new double[] {0, 0.1, 0.2, 0.3, 0.4}) {
                        LinearNlu tuned = new LinearNlu(
                                new NluSettings(score, similarity, cost, java.util.Set.of("oos"), 4000),
                                languages,
                                sentiments);
                        tuned.replaceCatalogue(Catalogue.parse(body));
                        List<Evaluation.Outcome> o = Evaluation.run(tuned, labelled);
                        Evaluation.Scores all = Evaluation.score(o);
                        System.out.printf(
                                "C=%5.1f score=%.2f sim=%.2f acc=%s f1=%s oosP=%s oosR=%s%n",
                                cost,
                                score,
                                similarity,
                                Evaluation.pct(all.intentAccuracy()),
                                Evaluation.pct(all.macroF1()),
                                Evaluation.pct(all.outOfScope().precision()),
                                Evaluation.pct(all.outOfScope().recall()));
                    }
                }
            }
        }
    }
}
