package dev.takeover.bot.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

/**
 * Measures an {@link Nlu} on labelled messages that are not in its catalogue, per language: intent accuracy and
 * per-intent F1, out-of-scope, requests for a person, negative sentiment and language detection.
 */
final class Evaluation {

    /**
     * One labelled message; {@code intent} is "out_of_scope" for what the catalogue does not cover. {@code sentiment}
     * is null where only the intent is labelled; {@code split} is "dev" or "test" where a set has both.
     */
    record Labelled(
            String text,
            String language,
            String intent,
            Sentiment.Label sentiment,
            boolean humanRequested,
            String split) {}

    record Outcome(Labelled expected, Understanding actual) {
        /** A pure request for a person has no topic: its intent is not scored, only the request. */
        boolean scoresIntent() {
            return !Understanding.HUMAN_REQUEST.equals(expected.intent());
        }

        boolean intentCorrect() {
            return expected.intent().equals(actual.intent().name());
        }
    }

    /** Counts of one binary decision. */
    record Binary(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    record Scores(
            int messages,
            double intentAccuracy,
            double macroF1,
            Map<String, Binary> perIntent,
            Binary outOfScope,
            Binary humanRequest,
            Binary negativeSentiment,
            double sentimentAccuracy,
            double languageAccuracy) {}

    private Evaluation() {}

    static List<Labelled> load(String resource) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> labelled = new ArrayList<>();
        try (InputStream in = Evaluation.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                labelled.add(new Labelled(
                        node.get("text").asText(),
                        node.get("language").asText(),
                        node.get("intent").asText(),
                        node.hasNonNull("sentiment")
                                ? Sentiment.Label.valueOf(node.get("sentiment").asText())
                                : null,
                        node.path("humanRequested").asBoolean(false),
                        node.hasNonNull("split") ? node.get("split").asText() : null));
            }
        }
        return labelled;
    }

    static List<Outcome> run(Nlu nlu, List<Labelled> labelled) {
        return labelled.stream()
                .map(item -> new Outcome(item, nlu.understand(item.text(), null)))
                .toList();
    }

    static Scores score(List<Outcome> outcomes) {
        List<Outcome> scored = outcomes.stream().filter(Outcome::scoresIntent).toList();
        Set<String> intents = new TreeSet<>();
        scored.forEach(outcome -> {
            intents.add(outcome.expected().intent());
            intents.add(outcome.actual().intent().name());
        });
        Map<String, Binary> perIntent = new TreeMap<>();
        for (String intent : intents) {
            Binary binary = binary(
                    scored,
                    o -> o.expected().intent().equals(intent),
                    o -> o.actual().intent().name().equals(intent));
            if (scored.stream().anyMatch(o -> o.expected().intent().equals(intent))) {
                perIntent.put(intent, binary);
            }
        }
        double macroF1 =
                perIntent.values().stream().mapToDouble(Binary::f1).average().orElse(0);
        return new Scores(
                outcomes.size(),
                ratio(scored.stream().filter(Outcome::intentCorrect).count(), scored.size()),
                macroF1,
                perIntent,
                binary(
                        scored,
                        o -> o.expected().intent().equals(Understanding.OUT_OF_SCOPE),
                        o -> o.actual().outOfScope()),
                binary(
                        outcomes,
                        o -> o.expected().humanRequested(),
                        o -> o.actual().humanRequested()),
                binary(
                        outcomes,
                        o -> o.expected().sentiment() == Sentiment.Label.NEGATIVE,
                        o -> o.actual().sentiment().label() == Sentiment.Label.NEGATIVE),
                ratio(
                        outcomes.stream()
                                .filter(o -> o.expected().sentiment()
                                        == o.actual().sentiment().label())
                                .count(),
                        outcomes.size()),
                ratio(
                        outcomes.stream()
                                .filter(o -> o.expected()
                                        .language()
                                        .equals(o.actual().language()))
                                .count(),
                        outcomes.size()));
    }

    static String table(Map<String, Scores> byLanguage) {
        StringBuilder out = new StringBuilder();
        out.append("| metric | ")
                .append(String.join(" | ", byLanguage.keySet()))
                .append(" |\n");
        out.append("|---|").append("---|".repeat(byLanguage.size())).append('\n');
        row(out, "messages", byLanguage, s -> String.valueOf(s.messages()));
        row(out, "intent accuracy (incl. out of scope)", byLanguage, s -> pct(s.intentAccuracy()));
        row(out, "intent macro F1", byLanguage, s -> pct(s.macroF1()));
        row(out, "out-of-scope precision", byLanguage, s -> pct(s.outOfScope().precision()));
        row(out, "out-of-scope recall", byLanguage, s -> pct(s.outOfScope().recall()));
        row(
                out,
                "human-request precision",
                byLanguage,
                s -> pct(s.humanRequest().precision()));
        row(out, "human-request recall", byLanguage, s -> pct(s.humanRequest().recall()));
        row(
                out,
                "negative-sentiment F1",
                byLanguage,
                s -> pct(s.negativeSentiment().f1()));
        row(out, "sentiment accuracy (3 labels)", byLanguage, s -> pct(s.sentimentAccuracy()));
        row(out, "language detection accuracy", byLanguage, s -> pct(s.languageAccuracy()));
        return out.toString();
    }

    /** The intent metrics only, for sets labelled with intents alone. */
    static String intentTable(Map<String, Scores> byColumn) {
        StringBuilder out = new StringBuilder();
        out.append("| metric | ").append(String.join(" | ", byColumn.keySet())).append(" |\n");
        out.append("|---|").append("---|".repeat(byColumn.size())).append('\n');
        row(out, "messages", byColumn, s -> String.valueOf(s.messages()));
        row(out, "intent accuracy (incl. out of scope)", byColumn, s -> pct(s.intentAccuracy()));
        row(out, "intent macro F1", byColumn, s -> pct(s.macroF1()));
        row(out, "out-of-scope precision", byColumn, s -> pct(s.outOfScope().precision()));
        row(out, "out-of-scope recall", byColumn, s -> pct(s.outOfScope().recall()));
        row(out, "out-of-scope F1", byColumn, s -> pct(s.outOfScope().f1()));
        return out.toString();
    }

    static String perIntentTable(Map<String, Scores> byLanguage) {
        Set<String> intents = new TreeSet<>();
        byLanguage.values().forEach(s -> intents.addAll(s.perIntent().keySet()));
        StringBuilder out = new StringBuilder();
        out.append("| intent | ")
                .append(String.join(" F1 | ", byLanguage.keySet()))
                .append(" F1 |\n");
        out.append("|---|").append("---|".repeat(byLanguage.size())).append('\n');
        for (String intent : intents) {
            out.append("| `").append(intent).append("` |");
            for (Scores s : byLanguage.values()) {
                Binary binary = s.perIntent().get(intent);
                out.append(' ').append(binary == null ? "–" : pct(binary.f1())).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String errors(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        for (Outcome o : outcomes) {
            boolean wrong = (o.scoresIntent() && !o.intentCorrect())
                    || o.expected().humanRequested() != o.actual().humanRequested()
                    || (o.expected().sentiment() != null
                            && (o.expected().sentiment() == Sentiment.Label.NEGATIVE)
                                    != (o.actual().sentiment().label() == Sentiment.Label.NEGATIVE))
                    || !o.expected().language().equals(o.actual().language());
            if (wrong) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s (%.2f) | %s / %s | %s / %s |%n",
                        o.expected().language(),
                        o.expected().text().replace("|", "/"),
                        o.expected().intent(),
                        o.actual().intent().name(),
                        o.actual().intent().confidence(),
                        o.expected().humanRequested() ? "human" : "–",
                        o.actual().humanRequested() ? "human" : "–",
                        o.expected().sentiment() == null ? "–" : o.expected().sentiment(),
                        o.actual().sentiment().label()));
            }
        }
        return out.toString();
    }

    private interface Metric {
        String of(Scores scores);
    }

    private static void row(StringBuilder out, String name, Map<String, Scores> byLanguage, Metric metric) {
        out.append("| ").append(name).append(" |");
        byLanguage.values().forEach(s -> out.append(' ').append(metric.of(s)).append(" |"));
        out.append('\n');
    }

    private static Binary binary(
            List<Outcome> outcomes,
            java.util.function.Predicate<Outcome> expected,
            java.util.function.Predicate<Outcome> actual) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Outcome outcome : outcomes) {
            boolean e = expected.test(outcome);
            boolean a = actual.test(outcome);
            if (e && a) {
                tp++;
            } else if (a) {
                fp++;
            } else if (e) {
                fn++;
            }
        }
        return new Binary(tp, fp, fn);
    }

    static String pct(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value * 100);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
