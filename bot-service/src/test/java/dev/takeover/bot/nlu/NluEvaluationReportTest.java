package dev.takeover.bot.nlu;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.takeover.bot.dialogue.Resources;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NLU's measured quality, calibration and speed, written to {@code evaluation/REPORT.md}. Runs only with
 * {@code -Pevaluate}: a measurement, kept out of the normal build. Quality is measured on the frozen sets
 * ({@code evaluation/frozen/}, written before tuning and never edited); every choice was made on the development split
 * ({@code evaluation/dev/}) or on protocol A's and B's dev splits.
 */
@Tag("evaluation")
class NluEvaluationReportTest {

    private static final Path REPORT = Path.of("evaluation", "REPORT.md");
    private static final List<String> LANGUAGES = List.of("de", "en");
    private static final String FROZEN = "/evaluation/frozen/";

    private final LanguageDetector languages = new LanguageDetector();
    private final SentimentAnalyzer lexicon = new SentimentAnalyzer();
    private final HumanRequestDetector rules = new HumanRequestDetector();
    private SentenceEncoder encoder;
    private final Map<String, float[]> embeddings = new HashMap<>();

    @Test
    void measuresQualityCalibrationAndSpeed() throws Exception {
        double loadAtStart = load();
        encoder = new SentenceEncoder(
                SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, Runtime.getRuntime().availableProcessors());
        StringBuilder out = new StringBuilder();
        long builtInStarted = System.nanoTime();
        BuiltInModels builtIns = BuiltInModels.load(
                BuiltInModels.Options.defaults(), lexicon, encoder.model().name());
        long builtInMillis = (System.nanoTime() - builtInStarted) / 1_000_000;
        Catalogue shopCatalogue = Catalogue.parse(Resources.read("nlu/catalogue.jsonl"));
        // the raw intent confidence, so the report can measure it before and after the shipped calibration
        LinearNlu shop =
                new LinearNlu(NluSettings.defaults(), languages, encoder, builtIns, ConfidenceCalibration.NONE);
        shop.replaceCatalogue(shopCatalogue);
        LinearNlu shopNoCascade =
                new LinearNlu(NluSettings.defaults().withCascade(false), languages, encoder, builtIns);
        shopNoCascade.replaceCatalogue(shopCatalogue);

        List<FrozenSets.Item> human = FrozenSets.load(FROZEN + "human-request.tsv");
        List<FrozenSets.Item> critical = FrozenSets.load(FROZEN + "critical.tsv");
        List<FrozenSets.Item> sentiment = FrozenSets.load(FROZEN + "sentiment.tsv");
        List<FrozenSets.Item> bank = FrozenSets.load(FROZEN + "bank-intents.tsv");
        List<FrozenSets.Item> smalltalk = FrozenSets.load(FROZEN + "shop-smalltalk.tsv");
        String styles = "/evaluation/frozen-styles/";
        List<FrozenSets.Item> human2 = FrozenSets.loadStyled(styles + "human-request.tsv", false);
        List<FrozenSets.Item> critical2 = FrozenSets.loadStyled(styles + "critical.tsv", false);
        List<FrozenSets.Item> sentiment2 = FrozenSets.loadStyled(styles + "sentiment.tsv", false);
        // Latency first, before the report's other models fill the heap (their garbage collection and the JIT's
        // work on them ran beside the measurement), the variants interleaved message by message so both meet the
        // same machine.
        List<String> texts = new ArrayList<>();
        for (List<FrozenSets.Item> set : List.of(human, critical, sentiment, bank, smalltalk)) {
            set.forEach(item -> texts.add(item.text()));
        }
        double loadAtLatency = load();
        double[][] single = latencies(List.of(shop, shopNoCascade), texts);
        double loadAfterLatency = load();
        String third = "/evaluation/frozen-3/";
        List<FrozenSets.Item> human3 = FrozenSets.loadStyled(third + "human-request.tsv", false);
        List<FrozenSets.Item> critical3 = FrozenSets.loadStyled(third + "critical.tsv", false);
        List<FrozenSets.Item> sentiment3 = FrozenSets.loadStyled(third + "sentiment.tsv", false);
        String fourth = "/evaluation/frozen-4/";
        List<FrozenSets.Item> human4 = FrozenSets.loadStyled(fourth + "human-request.tsv", false);
        List<FrozenSets.Item> critical4 = FrozenSets.loadStyled(fourth + "critical.tsv", false);
        List<FrozenSets.Item> sentiment4 = FrozenSets.loadStyled(fourth + "sentiment.tsv", false);
        embedAll(
                human,
                critical,
                sentiment,
                human2,
                critical2,
                sentiment2,
                human3,
                critical3,
                sentiment3,
                human4,
                critical4,
                sentiment4);

        out.append("# bot-service NLU evaluation\n\nGenerated by `./mvnw -pl bot-service -am verify -Pevaluate` (class"
                + " `NluEvaluationReportTest`) on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ". 1-minute load average at the start: "
                + String.format(Locale.ROOT, "%.1f", loadAtStart) + " (the machine is shared; times vary with it)."
                + " The NLU before this protocol: [`BASELINE.md`](BASELINE.md); the protocol before that:"
                + " [`COMPARISON.md`](COMPARISON.md).\n\n"
                + "## How it is measured\n\n"
                + "- **Frozen test sets** (`src/test/resources/evaluation/frozen/`), written for issue 9 before any"
                + " tuning, committed on their own and never edited (SHA-256 below). Every number in the sections"
                + " *frozen* is held out: nothing was chosen on them.\n"
                + "- **Training data** of the built-in models (`src/main/resources/nlu/builtin/`) and the **dev split**"
                + " (`src/test/resources/evaluation/dev/`) come from hand-written phrases (`evaluation/data/*.py`);"
                + " a phrase goes whole to one side. Embedding weight, C and thresholds were chosen on dev"
                + " (`BuiltInTuningTest`); the intent confidence's calibration on the dev sets of protocols A and B (`CalibrationFittingTest`).\n"
                + "- No public intent, sentiment or hand-off benchmark was used for anything.\n\n"
                + "| frozen set | items | SHA-256 |\n|---|---|---|\n");
        for (String file : List.of(
                "human-request.tsv", "critical.tsv", "sentiment.tsv", "bank-intents.tsv", "shop-smalltalk.tsv")) {
            out.append("| `")
                    .append(file)
                    .append("` | ")
                    .append(FrozenSets.load(FROZEN + file).size())
                    .append(" | `")
                    .append(FrozenSets.sha256(FROZEN + file))
                    .append("` |\n");
        }
        for (String file : List.of("human-request.tsv", "critical.tsv", "sentiment.tsv")) {
            out.append("| `frozen-styles/")
                    .append(file)
                    .append("` (set 2) | ")
                    .append(FrozenSets.loadStyled(styles + file, false).size())
                    .append(" | `")
                    .append(FrozenSets.sha256(styles + file))
                    .append("` |\n");
        }
        for (String file : List.of("human-request.tsv", "critical.tsv", "sentiment.tsv")) {
            out.append("| `frozen-3/")
                    .append(file)
                    .append("` (set 3, session 6) | ")
                    .append(FrozenSets.loadStyled(third + file, false).size())
                    .append(" | `")
                    .append(FrozenSets.sha256(third + file))
                    .append("` |\n");
        }
        for (String file : List.of("human-request.tsv", "critical.tsv", "sentiment.tsv")) {
            out.append("| `frozen-4/")
                    .append(file)
                    .append("` (set 4, session 7) | ")
                    .append(FrozenSets.loadStyled(fourth + file, false).size())
                    .append(" | `")
                    .append(FrozenSets.sha256(fourth + file))
                    .append("` |\n");
        }
        String splitTest = "/evaluation/frozen-bank-split/test.tsv";
        out.append("| `frozen-bank-split/test.tsv` (this round) | ")
                .append(FrozenSets.load(splitTest).size())
                .append(" | `")
                .append(FrozenSets.sha256(splitTest))
                .append("` |\n");

        // ---- requests for a person
        Map<String, Predicate<FrozenSets.Item>> humanVariants = new LinkedHashMap<>();
        humanVariants.put("rules only (the NLU before issue 9)", item -> rules.requestsHuman(item.text()));
        humanVariants.put(
                "model only, lexical (no embedding)",
                item -> assess(builtIns, item, false).humanRequested());
        humanVariants.put(
                "model only, with embedding",
                item -> assess(builtIns, item, true).humanRequested());
        humanVariants.put("rules + lexical model", item -> combined(item, assess(builtIns, item, false)));
        BuiltInModels round1;
        try (java.io.InputStream in = getClass().getResourceAsStream("/evaluation/round1-models.bin.gz")) {
            round1 = BuiltInModels.read(in).models(BuiltInModels.Options.defaults(), lexicon);
        }
        humanVariants.put(
                "round 1's weights (rules + model with embedding; before this round's data)",
                item -> combined(item, assess(round1, item, true)));
        BuiltInModels round5;
        try (java.io.InputStream in = getClass().getResourceAsStream("/evaluation/round5-models.bin.gz")) {
            round5 = BuiltInModels.read(in).models(BuiltInModels.Options.defaults(), lexicon);
        }
        humanVariants.put(
                "round 5's weights (rules + model with embedding; before session 6's data)",
                item -> combined(item, assess(round5, item, true)));
        humanVariants.put(
                "rules + model without the cascade",
                item -> shopNoCascade.understand(item.text(), null).humanRequested());
        humanVariants.put(
                "**rules + model, cascade (default)**",
                item -> shop.understand(item.text(), null).humanRequested());
        Predicate<FrozenSets.Item> isRequest = item -> Boolean.parseBoolean(item.label());
        out.append("\n## Requests for a person (frozen)\n\nP / R / F1 per language; the default is the service's"
                + " NLU with the shop catalogue loaded (the request is independent of it).\n\n");
        variantTable(out, human, isRequest, humanVariants);
        out.append("\nPer category, default (hard negatives: how many of them were left alone):\n\n");
        categoryTable(
                out, FrozenSets.scores(human, isRequest, humanVariants.get("**rules + model, cascade (default)**")));
        out.append("\n### Leaving a whole category out of training\n\nThe request model retrained without any example"
                + " of one category (both languages), then tested on that category of the frozen set (rules + model,"
                + " with embedding). Precision is over all frozen messages.\n\n"
                + " Set 2 is the second frozen set (other people's styles), set 3 the third (session 6), set 4 the"
                + " fourth (session 7).\n\n"
                + "| category left out | de recall | en recall | precision de / en | set 2: de recall | set 2: en recall"
                + " | set 2: precision de / en | set 3: de recall | set 3: en recall | set 3: precision de / en"
                + " | set 4: de recall | set 4: en recall | set 4: precision de / en |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<BuiltInModels.Labelled> humanTraining = BuiltInModels.read("nlu/builtin/human-request.tsv");
        for (String category : List.of("direct", "contact", "role", "refuse", "preference", "frustrated")) {
            BuiltInModels without = BuiltInModels.train(
                    BuiltInModels.Options.defaults(),
                    lexicon,
                    encoder,
                    humanTraining.stream()
                            .filter(row -> !row.category().equals(category))
                            .toList(),
                    BuiltInModels.read("nlu/builtin/critical.tsv"),
                    BuiltInModels.read("nlu/builtin/sentiment.tsv"));
            Map<String, FrozenSets.Binary> scores =
                    FrozenSets.scores(human, isRequest, item -> combined(item, assess(without, item, true)));
            Map<String, FrozenSets.Binary> scores2 =
                    FrozenSets.scores(human2, isRequest, item -> combined(item, assess(without, item, true)));
            Map<String, FrozenSets.Binary> scores3 =
                    FrozenSets.scores(human3, isRequest, item -> combined(item, assess(without, item, true)));
            Map<String, FrozenSets.Binary> scores4 =
                    FrozenSets.scores(human4, isRequest, item -> combined(item, assess(without, item, true)));
            out.append("| ")
                    .append(category)
                    .append(" | ")
                    .append(FrozenSets.pct(scores.get("de " + category).recall()))
                    .append(" | ")
                    .append(FrozenSets.pct(scores.get("en " + category).recall()))
                    .append(" | ")
                    .append(FrozenSets.pct(scores.get("de").precision()))
                    .append(" / ")
                    .append(FrozenSets.pct(scores.get("en").precision()))
                    .append(" | ")
                    .append(recall(scores2, "de " + category))
                    .append(" | ")
                    .append(recall(scores2, "en " + category))
                    .append(" | ")
                    .append(FrozenSets.pct(scores2.get("de").precision()))
                    .append(" / ")
                    .append(FrozenSets.pct(scores2.get("en").precision()))
                    .append(" | ")
                    .append(recall(scores3, "de " + category))
                    .append(" | ")
                    .append(recall(scores3, "en " + category))
                    .append(" | ")
                    .append(FrozenSets.pct(scores3.get("de").precision()))
                    .append(" / ")
                    .append(FrozenSets.pct(scores3.get("en").precision()))
                    .append(" | ")
                    .append(recall(scores4, "de " + category))
                    .append(" | ")
                    .append(recall(scores4, "en " + category))
                    .append(" | ")
                    .append(FrozenSets.pct(scores4.get("de").precision()))
                    .append(" / ")
                    .append(FrozenSets.pct(scores4.get("en").precision()))
                    .append(" |\n");
        }

        // ---- critical issues
        Predicate<FrozenSets.Item> isCritical = item -> !"NONE".equals(item.label());
        Map<String, Predicate<FrozenSets.Item>> criticalVariants = new LinkedHashMap<>();
        criticalVariants.put("before: a critical intent of the shop catalogue with confidence ≥ 0.5", item -> {
            Understanding u = shop.understand(item.text(), null);
            return List.of("service_outage", "data_loss", "security_incident")
                            .contains(u.intent().name())
                    && u.intent().confidence() >= 0.5;
        });
        criticalVariants.put(
                "cue words alone (any cue)",
                item -> !CriticalCues.terms(item.text()).isEmpty());
        criticalVariants.put(
                "model, lexical (no embedding)",
                item -> assess(builtIns, item, false).critical() != null);
        criticalVariants.put(
                "**model with embedding (default)**",
                item -> shop.understand(item.text(), null).critical() != null);
        out.append("\n## Critical issues (frozen)\n\nA critical issue is reported in `critical` of"
                + " `bot.message-analyzed.v1` and escalated by handover-service's rule `critical-issue` at once,"
                + " whatever the intent and its confidence. P / R / F1 of \"critical or not\":\n\n");
        variantTable(out, critical, isCritical, criticalVariants);
        out.append("\nPer category, default (routine: questions on the same topics that must not escalate):\n\n");
        categoryTable(
                out,
                FrozenSets.scores(critical, isCritical, criticalVariants.get("**model with embedding (default)**")));
        int kindRight = 0;
        int criticalCount = 0;
        for (FrozenSets.Item item : critical) {
            if (isCritical.test(item)) {
                criticalCount++;
                var found = shop.understand(item.text(), null).critical();
                kindRight += found != null && found.kind().equals(item.label()) ? 1 : 0;
            }
        }
        out.append("\nThe kind is right for ")
                .append(kindRight)
                .append(" of ")
                .append(criticalCount)
                .append(" critical reports. The seed-004 examples: ");
        for (String text : List.of(
                "Euer Server ist komplett ausgefallen und wir kommen seit einer Stunde nicht mehr an unsere Daten!",
                "Your service is down, we cannot access any of our data")) {
            out.append("\"")
                    .append(text)
                    .append("\" → `")
                    .append(shop.understand(text, null).critical())
                    .append("`; ");
        }
        out.append(
                "\n\nhandover-service's rule `critical-issue` could also escalate on the catalogue's critical intents"
                        + " (service_outage, data_loss, security_incident) from an intent confidence (raw; calibrated in"
                        + " brackets); since round 4 the shipped policy lists no intents, so only the bot's critical model"
                        + " escalates. What that path would add to the model on the frozen sets:\n\n"
                        + "| set | from confidence | routine questions it escalates | critical reports the model missed that"
                        + " it catches |\n|---|---|---|---|\n");
        for (List<FrozenSets.Item> set : List.of(critical, critical2)) {
            for (double from : new double[] {0.5, 0.9}) {
                int routine = 0;
                int routineCalibrated = 0;
                int rescued = 0;
                int rescuedCalibrated = 0;
                for (FrozenSets.Item item : set) {
                    Understanding u = shop.understand(item.text(), null);
                    if (!List.of("service_outage", "data_loss", "security_incident")
                            .contains(u.intent().name())) {
                        continue;
                    }
                    boolean raw = u.intent().confidence() >= from;
                    boolean calibrated =
                            ConfidenceCalibration.FITTED.inScope(u.intent().confidence()) >= from;
                    if (!isCritical.test(item)) {
                        routine += raw ? 1 : 0;
                        routineCalibrated += calibrated ? 1 : 0;
                    } else if (u.critical() == null) {
                        rescued += raw ? 1 : 0;
                        rescuedCalibrated += calibrated ? 1 : 0;
                    }
                }
                out.append("| ")
                        .append(set == critical ? "1" : "2")
                        .append(" | ")
                        .append(from)
                        .append(" | ")
                        .append(routine)
                        .append(" (")
                        .append(routineCalibrated)
                        .append(") | ")
                        .append(rescued)
                        .append(" (")
                        .append(rescuedCalibrated)
                        .append(") |\n");
            }
        }
        out.append("\n\n### Leaving a whole kind out of training\n\nThe critical model retrained without any example of"
                + " one kind; recall is whether the frozen reports of that kind are still recognised as critical (any"
                + " kind).\n\n| kind left out | de recall | en recall | routine questions wrongly critical | set 3: de recall"
                + " | set 3: en recall | set 3: routine wrongly critical | set 4: de recall | set 4: en recall"
                + " | set 4: routine wrongly critical |\n|---|---|---|---|---|---|---|---|---|---|\n");
        List<BuiltInModels.Labelled> criticalTraining = BuiltInModels.read("nlu/builtin/critical.tsv");
        for (String kind : List.of("SERVICE_OUTAGE", "DATA_LOSS", "SECURITY_BREACH", "UNAUTHORISED_PAYMENT")) {
            BuiltInModels without = BuiltInModels.train(
                    BuiltInModels.Options.defaults(),
                    lexicon,
                    encoder,
                    humanTraining,
                    criticalTraining.stream()
                            .filter(row -> !row.label().equals(kind))
                            .toList(),
                    BuiltInModels.read("nlu/builtin/sentiment.tsv"));
            FrozenSets.Binary de = FrozenSets.Binary.EMPTY;
            FrozenSets.Binary en = FrozenSets.Binary.EMPTY;
            int falseAlarms = 0;
            for (FrozenSets.Item item : critical) {
                boolean found = assess(without, item, true).critical() != null;
                if (item.label().equals(kind)) {
                    if (item.language().equals("de")) {
                        de = de.add(true, found);
                    } else {
                        en = en.add(true, found);
                    }
                } else if (!isCritical.test(item) && found) {
                    falseAlarms++;
                }
            }
            String category = Map.of(
                            "SERVICE_OUTAGE", "outage",
                            "DATA_LOSS", "data",
                            "SECURITY_BREACH", "security",
                            "UNAUTHORISED_PAYMENT", "payment")
                    .get(kind);
            Map<String, FrozenSets.Binary> third3 = FrozenSets.scores(
                    critical3, isCritical, item -> assess(without, item, true).critical() != null);
            Map<String, FrozenSets.Binary> fourth4 = FrozenSets.scores(
                    critical4, isCritical, item -> assess(without, item, true).critical() != null);
            out.append("| ")
                    .append(kind)
                    .append(" | ")
                    .append(FrozenSets.pct(de.recall()))
                    .append(" | ")
                    .append(FrozenSets.pct(en.recall()))
                    .append(" | ")
                    .append(falseAlarms)
                    .append(" | ")
                    .append(recall(third3, "de " + category))
                    .append(" | ")
                    .append(recall(third3, "en " + category))
                    .append(" | ")
                    .append(third3.get("de routine").falsePositives()
                            + third3.get("en routine").falsePositives())
                    .append(" | ")
                    .append(recall(fourth4, "de " + category))
                    .append(" | ")
                    .append(recall(fourth4, "en " + category))
                    .append(" | ")
                    .append(fourth4.get("de routine").falsePositives()
                            + fourth4.get("en routine").falsePositives())
                    .append(" |\n");
        }

        // ---- sentiment
        Predicate<FrozenSets.Item> isNegative = item -> "NEGATIVE".equals(item.label());
        BuiltInModels noLexiconTerms =
                BuiltInModels.train(withoutLexiconTerms(BuiltInModels.Options.defaults()), lexicon, encoder);
        Map<String, Predicate<FrozenSets.Item>> sentimentVariants = new LinkedHashMap<>();
        sentimentVariants.put(
                "lexicon only (the NLU before issue 9)",
                item -> lexicon.analyze(item.text()).label() == Sentiment.Label.NEGATIVE);
        sentimentVariants.put(
                "round 1's weights (before this round's data)",
                item -> assess(round1.withLexicalSentimentIn(Set.of()), item, true)
                                .sentiment()
                                .label()
                        == Sentiment.Label.NEGATIVE);
        sentimentVariants.put(
                "trained model, lexical (no embedding)",
                item -> assess(builtIns, item, false).sentiment().label() == Sentiment.Label.NEGATIVE);
        sentimentVariants.put(
                "trained model with embedding, without the lexicon's verdict",
                item -> assess(noLexiconTerms.withLexicalSentimentIn(Set.of()), item, true)
                                .sentiment()
                                .label()
                        == Sentiment.Label.NEGATIVE);
        sentimentVariants.put(
                "trained model with embedding and the lexicon's verdict, both languages (round 3's default)",
                item -> assess(builtIns.withLexicalSentimentIn(Set.of()), item, true)
                                .sentiment()
                                .label()
                        == Sentiment.Label.NEGATIVE);
        sentimentVariants.put(
                "**per language: English with embedding, German its lexical twin (default)**",
                item -> shop.understand(item.text(), null).sentiment().label() == Sentiment.Label.NEGATIVE);
        out.append("\n## Negative sentiment (frozen)\n\nP / R / F1 of NEGATIVE:\n\n");
        variantTable(out, sentiment, isNegative, sentimentVariants);
        out.append("\nThree-label accuracy, default: ");
        threeLabelAccuracy(
                out, sentiment, text -> shop.understand(text, null).sentiment().label());
        out.append("lexicon only: ");
        threeLabelAccuracy(out, sentiment, text -> lexicon.analyze(text).label());
        out.append("\n\nPer category, default:\n\n");
        categoryTable(
                out,
                FrozenSets.scores(
                        sentiment,
                        isNegative,
                        sentimentVariants.get(
                                "**per language: English with embedding, German its lexical twin (default)**")));

        // ---- the second frozen set, in other people's styles
        out.append("\n## The second frozen set: other people's styles\n\n`src/test/resources/evaluation/frozen-styles/`"
                + " (its README has the labelling rules): crowd workers, chatbot users, tweets, formal e-mail, German"
                + " colloquial and rail feedback; written before round 2's tuning, never trained or tuned on.\n\n"
                + "### Requests for a person (set 2)\n\n");
        String humanDefault = "**rules + model, cascade (default)**";
        String criticalDefault = "**model with embedding (default)**";
        String sentimentDefault = "**per language: English with embedding, German its lexical twin (default)**";
        setSection(out, human2, isRequest, humanVariants, humanDefault, styles + "human-request.tsv");
        out.append("\n### Critical issues (set 2)\n\n");
        setSection(out, critical2, isCritical, criticalVariants, criticalDefault, null);
        out.append("\n### Negative sentiment (set 2)\n\nP / R / F1 of NEGATIVE:\n\n");
        setSection(out, sentiment2, isNegative, sentimentVariants, sentimentDefault, styles + "sentiment.tsv");

        // ---- the third frozen set (session 6)
        out.append("\n## The third frozen set (session 6)\n\n`src/test/resources/evaluation/frozen-3/` (its README has"
                + " how it was written and the labelling rules): new wordings and styles (speech, learners, terse, long,"
                + " text-speak, e-mail register, German formal, colloquial and Bavarian spelling, rail), each line checked"
                + " against the training data and sets 1-2; written and committed before any change of session 6.\n\n"
                + "### Requests for a person (set 3)\n\n");
        setSection(out, human3, isRequest, humanVariants, humanDefault, third + "human-request.tsv");
        out.append("\n### Critical issues (set 3)\n\n");
        setSection(out, critical3, isCritical, criticalVariants, criticalDefault, null);
        out.append("\n### Negative sentiment (set 3)\n\nP / R / F1 of NEGATIVE:\n\n");
        setSection(out, sentiment3, isNegative, sentimentVariants, sentimentDefault, third + "sentiment.tsv");
        out.append("\n## The fourth frozen set (session 7)\n\n`src/test/resources/evaluation/frozen-4/` (its README has"
                + " how it was written and the labelling rules): new wordings for the categories session 6 measured"
                + " weakest (role or department, refusing the bot, praise, German routine questions on critical"
                + " topics), German formal, informal, colloquial and Bavarian, each line checked against the training"
                + " data and sets 1-3; written and committed before any change of session 7.\n\n"
                + "### Requests for a person (set 4)\n\n");
        setSection(out, human4, isRequest, humanVariants, humanDefault, fourth + "human-request.tsv");
        out.append("\n### Critical issues (set 4)\n\n");
        setSection(out, critical4, isCritical, criticalVariants, criticalDefault, null);
        out.append("\n### Negative sentiment (set 4)\n\nP / R / F1 of NEGATIVE:\n\n");
        setSection(out, sentiment4, isNegative, sentimentVariants, sentimentDefault, fourth + "sentiment.tsv");
        out.append("\nThree-label accuracy, default: ");
        threeLabelAccuracy(
                out, sentiment4, text -> shop.understand(text, null).sentiment().label());
        out.append("praise or positive mixed read as NEGATIVE: ")
                .append(sentiment4.stream()
                        .filter(item -> "POSITIVE".equals(item.label()))
                        .filter(item ->
                                shop.understand(item.text(), null).sentiment().label() == Sentiment.Label.NEGATIVE)
                        .count())
                .append(" of ")
                .append(sentiment4.stream()
                        .filter(item -> "POSITIVE".equals(item.label()))
                        .count())
                .append(".\n");
        out.append("\n### Calibration of the built-in models' probabilities (sets 1-4)\n\nExpected calibration error of"
                + " the probability each built-in model gives its positive class against how often that class is true,"
                + " in ten bins (a probability of 0.7 should be right seven times in ten), model with embedding:\n\n"
                + "| model | messages | ECE de | ECE en |\n|---|---|---|---|\n");
        Map<String, List<List<FrozenSets.Item>>> calibrationSets = new LinkedHashMap<>();
        calibrationSets.put("set 1", List.of(human, critical));
        calibrationSets.put("set 2", List.of(human2, critical2));
        calibrationSets.put("set 3", List.of(human3, critical3));
        calibrationSets.put("set 4", List.of(human4, critical4));
        for (Map.Entry<String, List<List<FrozenSets.Item>>> entry : calibrationSets.entrySet()) {
            String set = entry.getKey();
            List<FrozenSets.Item> humanSet = entry.getValue().get(0);
            List<FrozenSets.Item> criticalSet = entry.getValue().get(1);
            out.append(String.format(
                    Locale.ROOT,
                    "| request for a person, %s | %d | %.3f | %.3f |%n",
                    set,
                    humanSet.size(),
                    probabilityEce(
                            humanSet,
                            "de",
                            isRequest,
                            item -> assess(builtIns, item, true).humanProbability()),
                    probabilityEce(
                            humanSet,
                            "en",
                            isRequest,
                            item -> assess(builtIns, item, true).humanProbability())));
            out.append(String.format(
                    Locale.ROOT,
                    "| critical issue (the found kind's probability, 0 when none), %s | %d | %.3f | %.3f |%n",
                    set,
                    criticalSet.size(),
                    probabilityEce(criticalSet, "de", isCritical, item -> criticalProbability(builtIns, item)),
                    probabilityEce(criticalSet, "en", isCritical, item -> criticalProbability(builtIns, item))));
        }

        // ---- intents and calibration
        List<Calibrations.Decision> calibration = new ArrayList<>();
        out.append("\n## Intents\n\n### Our bank catalogue (frozen paraphrases)\n\n");
        Catalogue bankCatalogue = Catalogue.parse(Resources.read("evaluation/bank/catalogue.jsonl"));
        out.append("`evaluation/bank/catalogue.jsonl`: ")
                .append(bankCatalogue.phrases().size())
                .append(" phrases, ")
                .append(bankCatalogue.phrasesPerIntent().size())
                .append(" intents (43 fine-grained bank intents with near-duplicates such as pending card payment /"
                        + " pending top-up / pending transfer, plus an `oos` reject class), written separately from"
                        + " the frozen paraphrases. In-scope accuracy counts a message right only with the right intent"
                        + " (out of scope is wrong); OOS is the messages the catalogue does not cover.\n\n"
                        + "| variant | de in-scope acc | de OOS P / R | en in-scope acc | en OOS P / R |\n"
                        + "|---|---|---|---|---|\n");
        Map<String, NluSettings> intentVariants = new LinkedHashMap<>();
        NluSettings d = NluSettings.defaults();
        intentVariants.put("lexical model only", mix(d, 0, 0));
        intentVariants.put("semantic model only", mix(d, 1, 1));
        intentVariants.put("**default: mixed per language, cascade**", d);
        intentVariants.put("default without the cascade", d.withCascade(false));
        intentVariants.put(
                "default, but the nearest-phrase rule ungated (round 2's rule)", d.withUnlikeConfidence(1.01));
        TrainingReport bankTraining = intentRows(out, bankCatalogue, bank, intentVariants, builtIns, calibration);
        out.append("\nTrained in ")
                .append(bankTraining.trainingMillis())
                .append(" ms; out-of-scope thresholds ")
                .append(bankTraining.outOfScopeThresholds())
                .append(".\n\n");

        out.append("### Our bank catalogue split by phrase (frozen test split)\n\n`evaluation/data/make_bank_split.py`:"
                + " each intent's hand-written phrases split whole, half to a training catalogue (with their customer"
                + " variants), a quarter to the dev set the intent model was chosen on (`evaluation/bank-split/`), a"
                + " quarter to the frozen test split (`frozen-bank-split/test.tsv`): no test message is a variant of a"
                + " training phrase. Also trained without the `oos` reject class (a catalogue with no out-of-scope"
                + " examples).\n\n| variant | de in-scope acc | de OOS P / R | en in-scope acc | en OOS P / R |\n"
                + "|---|---|---|---|---|\n");
        List<FrozenSets.Item> bankSplit = FrozenSets.load("/evaluation/frozen-bank-split/test.tsv");
        Map<String, NluSettings> splitVariants = new LinkedHashMap<>();
        splitVariants.put("lexical model only", mix(d, 0, 0));
        splitVariants.put("semantic model only", mix(d, 1, 1));
        splitVariants.put("**default: mixed per language, cascade**", d);
        splitVariants.put("default without the cascade", d.withCascade(false));
        splitVariants.put(
                "default, but the nearest-phrase rule ungated (round 2's rule)", d.withUnlikeConfidence(1.01));
        intentRows(
                out,
                Catalogue.parse(Resources.read("evaluation/bank-split/catalogue.jsonl")),
                bankSplit,
                splitVariants,
                builtIns,
                null);
        out.append(
                "\nWithout the `oos` class in the catalogue:\n\n| variant | de in-scope acc | de OOS P / R | en in-scope"
                        + " acc | en OOS P / R |\n|---|---|---|---|---|\n");
        Map<String, NluSettings> noOosVariants = new LinkedHashMap<>();
        noOosVariants.put("**default**", d);
        noOosVariants.put(
                "default, but the nearest-phrase rule ungated (round 2's rule)", d.withUnlikeConfidence(1.01));
        intentRows(
                out,
                Catalogue.parse(Resources.read("evaluation/bank-split/catalogue-no-oos.jsonl")),
                bankSplit,
                noOosVariants,
                builtIns,
                null);
        out.append('\n');

        out.append("### The shop catalogue: small talk (frozen) and protocol A\n\n| | de | en |\n|---|---|---|\n"
                + "| small talk accuracy (frozen) |");
        for (String language : LANGUAGES) {
            List<FrozenSets.Item> of = ofLanguage(smalltalk, language);
            int right = 0;
            for (FrozenSets.Item item : of) {
                Understanding u = shop.understand(item.text(), null);
                boolean correct = u.intent().name().equals(item.label());
                right += correct ? 1 : 0;
                calibration.add(new Calibrations.Decision(
                        u.intent().confidence(), u.intent().name(), correct));
            }
            out.append(' ').append(FrozenSets.pct((double) right / of.size())).append(" |");
        }
        out.append("\n\n");
        List<Evaluation.Labelled> shopDev = Evaluation.load("/evaluation/labelled.jsonl");
        List<Evaluation.Labelled> shopTest = Evaluation.load("/evaluation/labelled-test.jsonl");
        List<Evaluation.Outcome> shopTestOutcomes = Evaluation.run(shop, shopTest);
        for (Evaluation.Outcome outcome : shopTestOutcomes) {
            if (outcome.scoresIntent()) {
                calibration.add(new Calibrations.Decision(
                        outcome.actual().intent().confidence(),
                        outcome.actual().intent().name(),
                        outcome.intentCorrect()));
            }
        }
        Map<String, Evaluation.Scores> shopScores = new LinkedHashMap<>();
        List<Evaluation.Outcome> shopDevOutcomes = Evaluation.run(shop, shopDev);
        for (String language : LANGUAGES) {
            shopScores.put("dev " + language, Evaluation.score(ofLanguageOutcomes(shopDevOutcomes, language)));
            shopScores.put("test " + language, Evaluation.score(ofLanguageOutcomes(shopTestOutcomes, language)));
        }
        out.append("Protocol A (the earlier shop sets `labelled.jsonl` = dev, `labelled-test.jsonl` = test; the"
                        + " request and sentiment rows there are on data the earlier rules were refined with):\n\n")
                .append(Evaluation.table(shopScores))
                .append('\n');
        Catalogue assistant = Catalogue.parse(Resources.read("evaluation/assistant/catalogue.jsonl"));
        LinearNlu assistantNlu =
                new LinearNlu(NluSettings.defaults(), languages, encoder, builtIns, ConfidenceCalibration.NONE);
        assistantNlu.replaceCatalogue(assistant);
        List<Evaluation.Labelled> assistantAll = Evaluation.load("/evaluation/assistant/messages.jsonl");
        List<Evaluation.Labelled> holdout = Evaluation.load("/evaluation/assistant/messages-holdout.jsonl");
        Map<String, Evaluation.Scores> assistantScores = new LinkedHashMap<>();
        for (String split : List.of("dev", "test")) {
            List<Evaluation.Outcome> outcomes = Evaluation.run(
                    assistantNlu,
                    assistantAll.stream().filter(i -> split.equals(i.split())).toList());
            if ("test".equals(split)) {
                for (Evaluation.Outcome outcome : outcomes) {
                    if (outcome.scoresIntent()) {
                        calibration.add(new Calibrations.Decision(
                                outcome.actual().intent().confidence(),
                                outcome.actual().intent().name(),
                                outcome.intentCorrect()));
                    }
                }
            }
            for (String language : LANGUAGES) {
                assistantScores.put(split + " " + language, Evaluation.score(ofLanguageOutcomes(outcomes, language)));
            }
        }
        List<Evaluation.Outcome> holdoutOutcomes = Evaluation.run(assistantNlu, holdout);
        for (String language : LANGUAGES) {
            assistantScores.put("holdout " + language, Evaluation.score(ofLanguageOutcomes(holdoutOutcomes, language)));
        }
        out.append("Protocol B (`evaluation/assistant/`: another catalogue uploaded, with intents left out of it):\n\n")
                .append(Evaluation.intentTable(assistantScores))
                .append('\n');

        out.append("### Out of scope: round 5's dev choice on every catalogue's frozen test (not adopted)\n\nRound 5"
                        + " chose German's out-of-scope rules on the dev sets of all three catalogues at once"
                        + " (`IntentTuningTest`: the most mean out-of-scope recall that leaves no catalogue's in-scope"
                        + " accuracy or recall worse by more than one dev message): embedding share 0.6 instead of 0.2,"
                        + " the nearest-phrase threshold at the 15 % quantile instead of 1 %, no lexical minimum score"
                        + " or similarity (0.10 and 0.2); English kept its settings. The same trained catalogues and"
                        + " messages decided by the shipped settings and by that choice (in-scope accuracy counts a"
                        + " right intent only; OOS precision is over everything rejected). It made the shop"
                        + " catalogue's German test clearly worse, so German keeps the shipped rules:\n\n")
                .append(OutOfScopeChoice.table(languages, encoder, builtIns))
                .append('\n');

        ConfidenceCalibration shipped = ConfidenceCalibration.FITTED;
        List<double[]> raw = Calibrations.pairs(calibration, ConfidenceCalibration.NONE);
        List<double[]> calibrated = Calibrations.pairs(calibration, shipped);
        out.append("### Calibration of the intent confidence\n\nEvery intent decision above (bank frozen, small talk"
                + " frozen, protocol A test, protocol B test): the confidence reported against how often that decision was right, in"
                + " ten bins. Expected calibration error (ECE) = Σ (bin share × |accuracy − mean confidence|). The"
                + " reported confidence is the raw one mapped by `ConfidenceCalibration` (Platt scaling of its logit,"
                + " one map for in-scope intents and one for out of scope), fitted on the development sets only"
                + " (protocol A dev, the assistant's dev split: `CalibrationFittingTest`): "
                + shipped + ". A pure request for a person keeps the request model's probability. Round 5 refitted"
                + " it on the same dev sets for the current model (" + CalibrationFittingTest.REFITTED + "): on dev"
                + " its ECE was 0.054 against these values' 0.056 (raw 0.337), a tie, so the service keeps these; on the frozen decisions below the refit's ECE is "
                + String.format(
                        Locale.ROOT,
                        "%.3f",
                        Calibrations.ece(Calibrations.pairs(calibration, CalibrationFittingTest.REFITTED)))
                + ". Since round 5 the service reports the calibrated confidence by default"
                + " (`nlu.calibrated-confidence=true`), with the thresholds that read it carried over so that they take"
                + " the same decisions: "
                + String.format(
                        Locale.ROOT,
                        "raw 0.40 (handover's bot-failure `min-confidence`) reads %.2f, 0.45 (the bot's"
                                + " `answer-confidence`) reads %.2f, 0.50 reads %.2f",
                        shipped.inScope(0.4),
                        shipped.inScope(0.45),
                        shipped.inScope(0.5))
                + ".\n\n"
                + "| confidence | decisions raw | accuracy raw | decisions calibrated | mean confidence | accuracy |\n"
                + "|---|---|---|---|---|---|\n");
        for (int bin = 0; bin < 10; bin++) {
            double[] r = bin(raw, bin);
            double[] c = bin(calibrated, bin);
            if (r[0] + c[0] == 0) {
                continue;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "| %.1f–%.1f | %.0f | %s | %.0f | %.2f | %s |%n",
                    bin / 10.0,
                    (bin + 1) / 10.0,
                    r[0],
                    r[0] == 0 ? "–" : FrozenSets.pct(r[2]),
                    c[0],
                    c[1],
                    c[0] == 0 ? "–" : FrozenSets.pct(c[2])));
        }
        out.append(String.format(
                Locale.ROOT,
                "%nECE over %d decisions: raw **%.3f**, calibrated **%.3f**.%n",
                calibration.size(),
                Calibrations.ece(raw),
                Calibrations.ece(calibrated)));

        // ---- speed and memory
        out.append("\n## Speed and memory\n\n");
        double[] batched = batchCost(shop, texts, 64);
        double[] batchedNoCascade = batchCost(shopNoCascade, texts, 64);
        double shareBefore = shop.embeddedShare();
        double[] stages = stages(texts);
        out.append("All ")
                .append(texts.size())
                .append(" frozen messages of set 1, the shop catalogue loaded, one thread, after a warm-up pass;"
                        + " one message at a time: three passes, measured first in the run (before the report's other"
                        + " models exist) and the two variants alternating message by message. Thread CPU is the"
                        + " analysing thread's own CPU time: what the analysis costs; the rest of the wall time is"
                        + String.format(
                                Locale.ROOT,
                                " waiting for a core (1-minute load average %.1f before, %.1f after this"
                                        + " measurement). In batches, CPU is the process's CPU time (the encoder's"
                                        + " threads included) divided by the messages.",
                                loadAtLatency,
                                loadAfterLatency)
                        + "\n\n| | with the cascade (default) | without |\n|---|---|---|\n")
                .append(String.format(
                        Locale.ROOT,
                        "| one message at a time: p50 / p99 latency | %.2f / %.2f ms |" + " %.2f / %.2f ms |%n",
                        single[0][0],
                        single[0][1],
                        single[1][0],
                        single[1][1]))
                .append(String.format(
                        Locale.ROOT,
                        "| one message at a time: p50 / p99 thread CPU | %.2f / %.2f ms |" + " %.2f / %.2f ms |%n",
                        single[0][2],
                        single[0][3],
                        single[1][2],
                        single[1][3]))
                .append(String.format(
                        Locale.ROOT,
                        "| batches of 64: wall time per message | %.3f ms | %.3f ms |%n",
                        batched[0],
                        batchedNoCascade[0]))
                .append(String.format(
                        Locale.ROOT,
                        "| batches of 64: CPU per message | %.3f ms | %.3f ms |%n",
                        batched[1],
                        batchedNoCascade[1]))
                .append(String.format(
                        Locale.ROOT,
                        "| messages that needed their embedding | %.0f %% | 100 %% |%n%n",
                        shareBefore * 100));
        out.append(String.format(
                Locale.ROOT,
                "Where a message's CPU goes (per message, batches of 64): language %.3f"
                        + " ms, terms (stems, pairs, character n-grams) %.3f ms, the sentence embedding %.3f ms,"
                        + " everything else (lexical intent model, built-in models, out of scope) %.3f ms. The"
                        + " embedding dominates, hence the cascade.%n%n",
                stages[0],
                stages[1],
                stages[2],
                Math.max(0, batchedNoCascade[1] - stages[0] - stages[1] - stages[2])));

        Catalogue large = largeCatalogue(bankCatalogue, 50_000);
        LinearNlu largeNlu = new LinearNlu(NluSettings.defaults(), languages, encoder, builtIns);
        double loadBefore = load();
        TrainingReport largeTraining = largeNlu.replaceCatalogue(large);
        double loadAfter = load();
        int right = 0;
        int inScope = 0;
        for (FrozenSets.Item item : bank) {
            if (!"oos".equals(item.label())) {
                inScope++;
                right += largeNlu.understand(item.text(), null).intent().name().equals(item.label()) ? 1 : 0;
            }
        }
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        out.append("Training ")
                .append(largeTraining.phrases())
                .append(" phrases (")
                .append(largeTraining.intents())
                .append(" intents; the bank catalogue's phrases varied further): **")
                .append(largeTraining.trainingMillis())
                .append(" ms**, of which embedding ")
                .append(largeTraining.embeddingMillis())
                .append(" ms (at most ")
                .append(LinearNlu.MAX_EMBEDDED_PER_INTENT)
                .append(" phrases per intent and ")
                .append(LinearNlu.MAX_EMBEDDED_PHRASES)
                .append(" in all are embedded; the lexical model learns from all). Load average before / after: ")
                .append(String.format(Locale.ROOT, "%.1f / %.1f", loadBefore, loadAfter))
                .append(". In-scope accuracy on the bank frozen set with it: ")
                .append(FrozenSets.pct((double) right / inScope))
                .append(
                        ". The built-in models are trained offline (`-Ptrain-builtin`, about 20 s) and load at start-up in ")
                .append(builtInMillis)
                .append(" ms from `nlu/builtin/models.bin.gz`.\n\n")
                .append("Heap in use after that (the evaluation's other models still referenced): ")
                .append(heap)
                .append(" MB; resident set of the evaluation JVM: ")
                .append(rssMegabytes())
                .append(" MB.\n");

        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, out.toString(), StandardCharsets.UTF_8);

        assertThat(shop.understand("Your service is down, we cannot access any of our data", null)
                        .critical())
                .isNotNull();
        assertThat(largeTraining.phrases()).isEqualTo(50_000);
        assertThat(FrozenSets.scores(human, isRequest, humanVariants.get("**rules + model, cascade (default)**"))
                        .get("en")
                        .f1())
                .isGreaterThan(0.8);
        encoder.close();
    }

    private BuiltInModels.Assessment assess(BuiltInModels models, FrozenSets.Item item, boolean withEmbedding) {
        String language = languages.detect(item.text(), null);
        return models.assess(
                item.text(),
                language,
                TextFeatures.terms(item.text(), language),
                withEmbedding ? embeddings.get(item.text()) : null);
    }

    private double criticalProbability(BuiltInModels models, FrozenSets.Item item) {
        BuiltInModels.Options d = BuiltInModels.Options.defaults();
        // every kind the model finds most likely, however unlikely: its probability is what is calibrated
        BuiltInModels.Options anyKind = new BuiltInModels.Options(
                d.embeddingWeight(),
                d.cost(),
                d.humanThreshold(),
                0,
                d.negativeThreshold(),
                d.positiveThreshold(),
                d.lexiconTerms());
        var found = assess(models.deciding(anyKind), item, true).critical();
        return found == null ? 0 : found.confidence();
    }

    /** ECE of a probability of the positive class against the truth, over one language's items. */
    private static double probabilityEce(
            List<FrozenSets.Item> items,
            String language,
            Predicate<FrozenSets.Item> truth,
            java.util.function.ToDoubleFunction<FrozenSets.Item> probability) {
        List<double[]> pairs = new ArrayList<>();
        for (FrozenSets.Item item : items) {
            if (item.language().equals(language)) {
                pairs.add(new double[] {probability.applyAsDouble(item), truth.test(item) ? 1 : 0});
            }
        }
        return Calibrations.ece(pairs);
    }

    private boolean combined(FrozenSets.Item item, BuiltInModels.Assessment assessment) {
        return !rules.declinesHuman(item.text()) && (rules.requestsHuman(item.text()) || assessment.humanRequested());
    }

    @SafeVarargs
    private void embedAll(List<FrozenSets.Item>... sets) {
        List<String> texts = new ArrayList<>();
        for (List<FrozenSets.Item> set : sets) {
            set.forEach(item -> texts.add(item.text()));
        }
        float[][] vectors = encoder.encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            embeddings.put(texts.get(i), vectors[i]);
        }
    }

    /**
     * One signal on a styled frozen set: every variant, then the default per category and, when the set's file has a
     * style column, per style.
     */
    private static void setSection(
            StringBuilder out,
            List<FrozenSets.Item> items,
            Predicate<FrozenSets.Item> expected,
            Map<String, Predicate<FrozenSets.Item>> variants,
            String defaultVariant,
            String styledFile) {
        variantTable(out, items, expected, variants);
        out.append("\nPer category, default:\n\n");
        categoryTable(out, FrozenSets.scores(items, expected, variants.get(defaultVariant)));
        if (styledFile != null) {
            out.append("\nPer style, default:\n\n");
            categoryTable(
                    out,
                    FrozenSets.scores(FrozenSets.loadStyled(styledFile, true), expected, variants.get(defaultVariant)));
        }
    }

    private static void variantTable(
            StringBuilder out,
            List<FrozenSets.Item> items,
            Predicate<FrozenSets.Item> expected,
            Map<String, Predicate<FrozenSets.Item>> variants) {
        out.append("| variant | de | en |\n|---|---|---|\n");
        for (Map.Entry<String, Predicate<FrozenSets.Item>> variant : variants.entrySet()) {
            Map<String, FrozenSets.Binary> scores = FrozenSets.scores(items, expected, variant.getValue());
            out.append("| ")
                    .append(variant.getKey())
                    .append(" | ")
                    .append(scores.get("de").summary())
                    .append(" | ")
                    .append(scores.get("en").summary())
                    .append(" |\n");
        }
    }

    private static void categoryTable(StringBuilder out, Map<String, FrozenSets.Binary> scores) {
        out.append("| language and category | items | P / R / F1 |\n|---|---|---|\n");
        scores.forEach((key, score) -> {
            if (key.contains(" ")) {
                out.append("| ")
                        .append(key)
                        .append(" | ")
                        .append(score.total())
                        .append(" | ")
                        .append(score.summary())
                        .append(" |\n");
            }
        });
    }

    /** One table row per variant: in-scope accuracy and out-of-scope P / R per language; the default's training. */
    private TrainingReport intentRows(
            StringBuilder out,
            Catalogue catalogue,
            List<FrozenSets.Item> items,
            Map<String, NluSettings> variants,
            BuiltInModels builtIns,
            List<Calibrations.Decision> calibration) {
        TrainingReport training = null;
        for (Map.Entry<String, NluSettings> variant : variants.entrySet()) {
            LinearNlu nlu = new LinearNlu(variant.getValue(), languages, encoder, builtIns, ConfidenceCalibration.NONE);
            TrainingReport report = nlu.replaceCatalogue(catalogue);
            boolean isDefault = variant.getKey().contains("default:");
            if (isDefault) {
                training = report;
            }
            out.append("| ").append(variant.getKey()).append(" |");
            for (String language : LANGUAGES) {
                int inScope = 0;
                int right = 0;
                FrozenSets.Binary oos = FrozenSets.Binary.EMPTY;
                for (FrozenSets.Item item : ofLanguage(items, language)) {
                    Understanding u = nlu.understand(item.text(), null);
                    boolean expectedOos = "oos".equals(item.label());
                    oos = oos.add(expectedOos, u.outOfScope());
                    boolean correct =
                            expectedOos ? u.outOfScope() : u.intent().name().equals(item.label());
                    if (!expectedOos) {
                        inScope++;
                        right += correct ? 1 : 0;
                    }
                    if (isDefault && calibration != null) {
                        calibration.add(new Calibrations.Decision(
                                u.intent().confidence(), u.intent().name(), correct));
                    }
                }
                out.append(' ')
                        .append(FrozenSets.pct((double) right / inScope))
                        .append(" | ")
                        .append(FrozenSets.pct(oos.precision()))
                        .append(" / ")
                        .append(FrozenSets.pct(oos.recall()))
                        .append(" |");
            }
            out.append('\n');
        }
        return training;
    }

    /** Per language, how often the label given is the item's own label, as "de 71.7 %; en 85.0 %; ". */
    private static void threeLabelAccuracy(
            StringBuilder out, List<FrozenSets.Item> items, Function<String, Sentiment.Label> labelOf) {
        for (String language : LANGUAGES) {
            List<FrozenSets.Item> of = ofLanguage(items, language);
            long right = of.stream()
                    .filter(item -> labelOf.apply(item.text()).name().equals(item.label()))
                    .count();
            out.append(language)
                    .append(" ")
                    .append(FrozenSets.pct((double) right / of.size()))
                    .append("; ");
        }
    }

    private static List<FrozenSets.Item> ofLanguage(List<FrozenSets.Item> items, String language) {
        return items.stream().filter(item -> item.language().equals(language)).toList();
    }

    private static List<Evaluation.Outcome> ofLanguageOutcomes(List<Evaluation.Outcome> outcomes, String language) {
        return outcomes.stream()
                .filter(outcome -> outcome.expected().language().equals(language))
                .toList();
    }

    private static NluSettings mix(NluSettings d, double english, double other) {
        return new NluSettings(
                d.cost(),
                d.outOfScopeIntents(),
                d.maxAnalysedLength(),
                english,
                other,
                d.englishOutOfScopeQuantile(),
                d.otherOutOfScopeQuantile(),
                d.minimumConfidence(),
                d.minimumScore(),
                d.minimumSimilarity(),
                d.cascade(),
                d.cascadeIntentProbability(),
                d.cascadeSimilarity(),
                d.cascadeCertainty(),
                d.unlikeConfidence(),
                d.englishMinimumScore(),
                d.englishMinimumSimilarity());
    }

    /** Per NLU: p50 and p99 of the wall time, p50 and p99 of the thread's CPU time, in ms. */
    private static double[][] latencies(List<Nlu> nlus, List<String> texts) {
        for (Nlu nlu : nlus) {
            texts.forEach(text -> nlu.understand(text, null));
        }
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int passes = 3;
        long[][] wall = new long[nlus.size()][texts.size() * passes];
        long[][] cpu = new long[nlus.size()][texts.size() * passes];
        int i = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (String text : texts) {
                for (int n = 0; n < nlus.size(); n++) {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    nlus.get(n).understand(text, null);
                    wall[n][i] = System.nanoTime() - start;
                    cpu[n][i] = threads.getCurrentThreadCpuTime() - cpuStart;
                }
                i++;
            }
        }
        double[][] result = new double[nlus.size()][];
        for (int n = 0; n < nlus.size(); n++) {
            result[n] = new double[] {
                percentile(wall[n], 0.5), percentile(wall[n], 0.99), percentile(cpu[n], 0.5), percentile(cpu[n], 0.99)
            };
        }
        return result;
    }

    private static double percentile(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * quantile) - 1)] / 1e6;
    }

    /** Wall time and process CPU time per message when the texts are understood in batches. */
    private static double[] batchCost(Nlu nlu, List<String> texts, int size) {
        Runnable all = () -> {
            for (int start = 0; start < texts.size(); start += size) {
                nlu.understandAll(texts.subList(start, Math.min(texts.size(), start + size)).stream()
                        .map(text -> new Nlu.Utterance(text, null))
                        .toList());
            }
        };
        all.run();
        long cpu = cpuNanos();
        long wall = System.nanoTime();
        all.run();
        all.run();
        return new double[] {
            (System.nanoTime() - wall) / 1e6 / (2.0 * texts.size()), (cpuNanos() - cpu) / 1e6 / (2.0 * texts.size())
        };
    }

    /** CPU per message of language detection, terms and the embedding alone, in batches of 64. */
    private double[] stages(List<String> texts) {
        long cpu = cpuNanos();
        List<String> detected = new ArrayList<>();
        for (String text : texts) {
            detected.add(languages.detect(text, null));
        }
        double language = (cpuNanos() - cpu) / 1e6 / texts.size();
        cpu = cpuNanos();
        for (int i = 0; i < texts.size(); i++) {
            TextFeatures.terms(texts.get(i), detected.get(i));
        }
        double terms = (cpuNanos() - cpu) / 1e6 / texts.size();
        cpu = cpuNanos();
        for (int start = 0; start < texts.size(); start += 64) {
            encoder.encode(texts.subList(start, Math.min(texts.size(), start + 64)));
        }
        double embedding = (cpuNanos() - cpu) / 1e6 / texts.size();
        return new double[] {language, terms, embedding};
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static Catalogue largeCatalogue(Catalogue base, int size) {
        Random random = new Random(50);
        String[] before = {"", "hi ", "hello ", "hey, ", "please ", "quick one: ", "hallo ", "bitte ", "sorry, "};
        String[] after = {"", "?", " please", " thanks", " today", " now", " asap", " bitte", " danke", " again"};
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<TrainingPhrase> phrases = new ArrayList<>(size);
        while (phrases.size() < size) {
            TrainingPhrase phrase =
                    base.phrases().get(random.nextInt(base.phrases().size()));
            String text = before[random.nextInt(before.length)]
                    + phrase.text()
                    + after[random.nextInt(after.length)]
                    + (random.nextInt(4) == 0 ? " " + random.nextInt(10_000) : "");
            if (seen.add(text)) {
                phrases.add(new TrainingPhrase(text, phrase.intent(), phrase.language()));
            }
        }
        return new Catalogue(phrases);
    }

    private static long rssMegabytes() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static BuiltInModels.Options withoutLexiconTerms(BuiltInModels.Options d) {
        return new BuiltInModels.Options(
                d.embeddingWeight(),
                d.cost(),
                d.humanThreshold(),
                d.criticalThreshold(),
                d.negativeThreshold(),
                d.positiveThreshold(),
                false);
    }

    private static String recall(Map<String, FrozenSets.Binary> scores, String key) {
        FrozenSets.Binary score = scores.get(key);
        return score == null ? "–" : FrozenSets.pct(score.recall());
    }

    /** Count, mean confidence and accuracy of the (confidence, right) pairs in one tenth of the scale. */
    private static double[] bin(List<double[]> pairs, int bin) {
        double low = bin / 10.0;
        double high = (bin + 1) / 10.0;
        List<double[]> in = pairs.stream()
                .filter(c -> c[0] >= low && (c[0] < high || (bin == 9 && c[0] <= 1)))
                .toList();
        return new double[] {
            in.size(),
            in.stream().mapToDouble(c -> c[0]).average().orElse(0),
            in.stream().mapToDouble(c -> c[1]).average().orElse(0)
        };
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
