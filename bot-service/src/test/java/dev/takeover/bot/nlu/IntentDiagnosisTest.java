package dev.takeover.bot.nlu;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.takeover.bot.nlu.IntentModel.Scored;
import dev.takeover.bot.nlu.LinearNlu.Rejection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the intent model goes wrong on every catalogue's dev set, per language: whether the right intent is even first
 * before any out-of-scope rule (mixed, lexical alone, semantic alone), and which out-of-scope rule rejects the in-scope
 * messages (and which catches the out-of-scope ones). Dev sets only; the frozen sets are the report's.
 * ({@code ./mvnw -pl bot-service -am verify -Pevaluate -Dtest=IntentDiagnosisTest}).
 */
@Tag("evaluation")
class IntentDiagnosisTest {

    @Test
    void tellsWhichRuleRejectsTheInScopeDevMessages() throws Exception {
        try (SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2)) {
            BuiltInModels builtIns = BuiltInModels.load(
                    BuiltInModels.Options.defaults(),
                    new SentimentAnalyzer(),
                    encoder.model().name());
            List<IntentTuningTest.Cell> cells = IntentTuningTest.devCells(new LanguageDetector(), encoder, builtIns);
            cells.addAll(merged(encoder, builtIns));
            NluSettings settings = NluSettings.defaults();
            int inScopeMessages = 0;
            for (IntentTuningTest.Cell cell : cells) {
                Diagnosis d = diagnose(cell, settings);
                inScopeMessages += d.inScope;
                System.out.printf(Locale.ROOT, "%-28s %s %s%n", cell.name(), cell.language(), d);
            }
            assertThat(inScopeMessages).isPositive();
        }
    }

    /**
     * The three catalogues as one of 91 intents (each intent named after its catalogue), read with every catalogue's
     * in-scope dev messages: how the rules fare with many intents, as in a large public catalogue. What one catalogue
     * leaves out another may cover, so its out-of-scope messages are not read.
     */
    private static List<IntentTuningTest.Cell> merged(SentenceEncoder encoder, BuiltInModels builtIns)
            throws Exception {
        List<TrainingPhrase> phrases = new java.util.ArrayList<>();
        Map<String, String> catalogues = new java.util.LinkedHashMap<>();
        catalogues.put("bank", "evaluation/bank-split/catalogue-no-oos.jsonl");
        catalogues.put("shop", "nlu/catalogue.jsonl");
        catalogues.put("assistant", "evaluation/assistant/catalogue.jsonl");
        catalogues.forEach((name, file) -> Catalogue.parse(dev.takeover.bot.dialogue.Resources.read(file))
                .phrases()
                .forEach(p -> phrases.add(new TrainingPhrase(p.text(), name + ":" + p.intent(), p.language()))));
        LanguageDetector languages = new LanguageDetector();
        LinearNlu nlu = new LinearNlu(NluSettings.defaults(), languages, encoder, builtIns);
        nlu.replaceCatalogue(new Catalogue(phrases));
        List<String[]> items = new java.util.ArrayList<>();
        FrozenSets.load("/evaluation/bank-split/dev.tsv").stream()
                .filter(i -> !"oos".equals(i.label()))
                .forEach(i -> items.add(new String[] {i.language(), "bank:" + i.label(), i.text()}));
        for (Map.Entry<String, String> set : Map.of(
                        "shop", "/evaluation/labelled.jsonl", "assistant", "/evaluation/assistant/messages.jsonl")
                .entrySet()) {
            Evaluation.load(set.getValue()).stream()
                    .filter(i -> i.split() == null || "dev".equals(i.split()))
                    .filter(i -> !Understanding.HUMAN_REQUEST.equals(i.intent())
                            && !Understanding.OUT_OF_SCOPE.equals(i.intent()))
                    .forEach(i -> items.add(new String[] {i.language(), set.getKey() + ":" + i.intent(), i.text()}));
        }
        List<IntentTuningTest.Cell> cells = new java.util.ArrayList<>();
        for (String language : List.of("de", "en")) {
            List<String[]> ofLanguage =
                    items.stream().filter(i -> i[0].equals(language)).toList();
            List<LinearNlu.Evidence> evidence = nlu.evidence(ofLanguage.stream()
                    .map(i -> new Nlu.Utterance(i[2], null, null))
                    .toList());
            cells.add(new IntentTuningTest.Cell(
                    "merged 91 intents",
                    language,
                    nlu,
                    evidence,
                    ofLanguage.stream().map(i -> i[1]).toList()));
        }
        return cells;
    }

    /** One cell's counts: in-scope messages, first right by each model, and the rules that fire. */
    static final class Diagnosis {
        int inScope;
        int right;
        int firstMixed;
        int firstLexical;
        int firstSemantic;
        int embedded;
        int rejectedInScope;
        int rejectedButFirst;
        int outOfScope;
        int caught;
        final Map<Rejection, Integer> inScopeBy = new EnumMap<>(Rejection.class);
        final Map<Rejection, Integer> inScopeOnlyBy = new EnumMap<>(Rejection.class);
        final Map<Rejection, Integer> outOfScopeBy = new EnumMap<>(Rejection.class);
        final Map<Rejection, Integer> outOfScopeOnlyBy = new EnumMap<>(Rejection.class);

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "in-scope %d: right %d (%.1f %%), first mixed %.1f %% lexical %.1f %% semantic %.1f %% (of %d"
                            + " embedded); rejected %d (%d of them first), by %s, only by %s | oos %d caught %d,"
                            + " by %s, only by %s",
                    inScope,
                    right,
                    pct(right, inScope),
                    pct(firstMixed, inScope),
                    pct(firstLexical, inScope),
                    pct(firstSemantic, embedded),
                    embedded,
                    rejectedInScope,
                    rejectedButFirst,
                    inScopeBy,
                    inScopeOnlyBy,
                    outOfScope,
                    caught,
                    outOfScopeBy,
                    outOfScopeOnlyBy);
        }
    }

    static Diagnosis diagnose(IntentTuningTest.Cell cell, NluSettings settings) {
        Diagnosis d = new Diagnosis();
        LinearNlu nlu = cell.nlu();
        for (int i = 0; i < cell.evidence().size(); i++) {
            LinearNlu.Evidence evidence = cell.evidence().get(i);
            String label = cell.labels().get(i);
            List<Scored> ranked = nlu.ranked(evidence, settings);
            Set<Rejection> rejections = nlu.rejections(evidence, settings, ranked.get(0));
            Understanding understood = nlu.decide(evidence, settings);
            if ("oos".equals(label)) {
                d.outOfScope++;
                d.caught += understood.outOfScope() ? 1 : 0;
                count(rejections, d.outOfScopeBy, d.outOfScopeOnlyBy);
                continue;
            }
            d.inScope++;
            d.right += !understood.outOfScope() && understood.intent().name().equals(label) ? 1 : 0;
            boolean first = label.equals(firstInScope(ranked, settings));
            d.firstMixed += first ? 1 : 0;
            if (!first && Boolean.getBoolean("diagnosis.errors")) {
                System.out.printf(
                        Locale.ROOT,
                        "  wrong %s %s: %s -> %s (lexical %s)%n",
                        cell.name(),
                        label,
                        cell.evidence().get(i).message().text(),
                        firstInScope(ranked, settings),
                        firstInScope(evidence.message().lexical().ranked(), settings));
            }
            d.firstLexical +=
                    label.equals(firstInScope(evidence.message().lexical().ranked(), settings)) ? 1 : 0;
            if (evidence.semantic() != null) {
                d.embedded++;
                double[] p = evidence.semantic().probabilities();
                String[] intents = evidence.trained().intents();
                int best = -1;
                for (int k = 0; k < p.length; k++) {
                    if (!settings.outOfScopeIntents().contains(intents[k]) && (best < 0 || p[k] > p[best])) {
                        best = k;
                    }
                }
                d.firstSemantic += label.equals(intents[best]) ? 1 : 0;
            }
            if (understood.outOfScope()) {
                d.rejectedInScope++;
                d.rejectedButFirst += first ? 1 : 0;
                count(rejections, d.inScopeBy, d.inScopeOnlyBy);
            }
        }
        return d;
    }

    private static String firstInScope(List<Scored> ranked, NluSettings settings) {
        return ranked.stream()
                .map(Scored::intent)
                .filter(intent -> !settings.outOfScopeIntents().contains(intent))
                .findFirst()
                .orElse("");
    }

    private static void count(Set<Rejection> rejections, Map<Rejection, Integer> by, Map<Rejection, Integer> onlyBy) {
        rejections.forEach(r -> by.merge(r, 1, Integer::sum));
        if (rejections.size() == 1) {
            onlyBy.merge(rejections.iterator().next(), 1, Integer::sum);
        }
    }

    private static double pct(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
