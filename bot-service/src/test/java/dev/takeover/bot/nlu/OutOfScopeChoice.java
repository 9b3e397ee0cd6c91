package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.takeover.bot.dialogue.Resources;

/**
 * The report's shipped settings against round 5's out-of-scope choice on every catalogue's dev set
 * ({@code IntentTuningTest}), on every catalogue's frozen test messages: each catalogue trained once, its messages read
 * once, and decided by both. The choice was not adopted: it made the shop catalogue's German test clearly worse.
 */
final class OutOfScopeChoice {

    /** Round 5's choice for German: embedding share 0.6, 15 % quantile, no lexical minimum score or similarity. */
    static final NluSettings DEV_CHOICE = IntentTuningTest.with(
            NluSettings.defaults(), 0.7, 0.6, 0.01, 0.15, 0, 0, 0.1, NluSettings.UNLIKE_CONFIDENCE, 0, 0);

    private OutOfScopeChoice() {}

    private record Test(String name, String catalogue, List<String> texts, List<String> labels, List<String> langs) {}

    static String table(LanguageDetector languages, SentenceEncoder encoder, BuiltInModels builtIns) throws Exception {
        List<Test> tests = new ArrayList<>();
        tests.add(frozen(
                "our bank catalogue, frozen paraphrases",
                "evaluation/bank/catalogue.jsonl",
                "/evaluation/frozen/bank-intents.tsv"));
        tests.add(frozen(
                "bank split by phrase, frozen test split",
                "evaluation/bank-split/catalogue.jsonl",
                "/evaluation/frozen-bank-split/test.tsv"));
        tests.add(frozen(
                "the same without the `oos` class",
                "evaluation/bank-split/catalogue-no-oos.jsonl",
                "/evaluation/frozen-bank-split/test.tsv"));
        tests.add(labelled("shop, protocol A test", "nlu/catalogue.jsonl", "/evaluation/labelled-test.jsonl", null));
        tests.add(labelled(
                "assistant, protocol B test",
                "evaluation/assistant/catalogue.jsonl",
                "/evaluation/assistant/messages.jsonl",
                "test"));
        tests.add(labelled(
                "assistant, protocol B holdout",
                "evaluation/assistant/catalogue.jsonl",
                "/evaluation/assistant/messages-holdout.jsonl",
                null));
        StringBuilder out = new StringBuilder(
                "| catalogue and frozen test | de in-scope acc, shipped → dev choice | de OOS recall | de OOS precision |"
                        + " en in-scope acc | en OOS recall | en OOS precision |\n|---|---|---|---|---|---|---|\n");
        Map<String, LinearNlu> trained = new LinkedHashMap<>();
        for (Test test : tests) {
            LinearNlu nlu = trained.computeIfAbsent(test.catalogue(), file -> {
                LinearNlu fresh = new LinearNlu(NluSettings.defaults(), languages, encoder, builtIns);
                fresh.replaceCatalogue(Catalogue.parse(Resources.read(file)));
                return fresh;
            });
            List<LinearNlu.Evidence> evidence = nlu.evidence(test.texts().stream()
                    .map(text -> new Nlu.Utterance(text, null, null))
                    .toList());
            out.append("| ").append(test.name()).append(" |");
            for (String language : List.of("de", "en")) {
                double[] before = score(nlu, evidence, test, language, NluSettings.defaults());
                double[] after = score(nlu, evidence, test, language, DEV_CHOICE);
                for (int metric = 0; metric < 3; metric++) {
                    out.append(
                            String.format(Locale.ROOT, " %.1f → %.1f %% |", 100 * before[metric], 100 * after[metric]));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** In-scope accuracy, out-of-scope recall and precision of one language's messages. */
    private static double[] score(
            LinearNlu nlu, List<LinearNlu.Evidence> evidence, Test test, String language, NluSettings settings) {
        int inScope = 0;
        int right = 0;
        int oos = 0;
        int rejected = 0;
        int rejectedWrongly = 0;
        for (int i = 0; i < evidence.size(); i++) {
            if (!test.langs().get(i).equals(language)) {
                continue;
            }
            Understanding u = nlu.decide(evidence.get(i), settings);
            if ("oos".equals(test.labels().get(i))) {
                oos++;
                rejected += u.outOfScope() ? 1 : 0;
            } else {
                inScope++;
                right += !u.outOfScope()
                                && u.intent().name().equals(test.labels().get(i))
                        ? 1
                        : 0;
                rejectedWrongly += u.outOfScope() ? 1 : 0;
            }
        }
        return new double[] {ratio(right, inScope), ratio(rejected, oos), ratio(rejected, rejected + rejectedWrongly)};
    }

    private static Test frozen(String name, String catalogue, String set) {
        List<FrozenSets.Item> items = FrozenSets.load(set);
        return new Test(
                name,
                catalogue,
                items.stream().map(FrozenSets.Item::text).toList(),
                items.stream().map(FrozenSets.Item::label).toList(),
                items.stream().map(FrozenSets.Item::language).toList());
    }

    private static Test labelled(String name, String catalogue, String resource, String split) throws Exception {
        List<Evaluation.Labelled> items = Evaluation.load(resource).stream()
                .filter(item -> split == null || split.equals(item.split()))
                .filter(item -> !Understanding.HUMAN_REQUEST.equals(item.intent()))
                .toList();
        return new Test(
                name,
                catalogue,
                items.stream().map(Evaluation.Labelled::text).toList(),
                items.stream()
                        .map(item -> Understanding.OUT_OF_SCOPE.equals(item.intent()) ? "oos" : item.intent())
                        .toList(),
                items.stream().map(Evaluation.Labelled::language).toList());
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
