package dev.takeover.bot.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The evaluation's labelled sets in {@code evaluation/frozen} (written before tuning, never edited) and
 * {@code evaluation/dev} (for choosing): lines of {@code language<TAB>category<TAB>label<TAB>text}, or
 * {@code language<TAB>label<TAB>text}, with {@code #} comments.
 */
final class FrozenSets {

    /** One labelled line: {@code category} is empty where a set has none. */
    record Item(String language, String category, String label, String text) {}

    /** Counts of one binary decision, with precision, recall and F1. */
    record Binary(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        static final Binary EMPTY = new Binary(0, 0, 0, 0);

        Binary add(boolean expected, boolean actual) {
            return new Binary(
                    truePositives + (expected && actual ? 1 : 0),
                    falsePositives + (!expected && actual ? 1 : 0),
                    falseNegatives + (expected && !actual ? 1 : 0),
                    trueNegatives + (!expected && !actual ? 1 : 0));
        }

        int total() {
            return truePositives + falsePositives + falseNegatives + trueNegatives;
        }

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

        double accuracy() {
            return ratio(truePositives + trueNegatives, total());
        }

        /** "P / R / F1" for a set with positives, "correct a of b" for a category of negatives only. */
        String summary() {
            if (truePositives + falseNegatives == 0) {
                return "negatives: " + trueNegatives + " of " + total() + " correct";
            }
            return pct(precision()) + " / " + pct(recall()) + " / " + pct(f1());
        }
    }

    private FrozenSets() {}

    static List<Item> load(String resource) {
        List<Item> items = new ArrayList<>();
        for (String line : read(resource).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length == 4) {
                items.add(new Item(columns[0], columns[1], columns[2], columns[3]));
            } else if (columns.length == 3) {
                items.add(new Item(columns[0], "", columns[1], columns[2]));
            } else {
                throw new IllegalArgumentException(resource + ": malformed line: " + line);
            }
        }
        return items;
    }

    /**
     * A set of {@code language<TAB>style<TAB>category<TAB>label<TAB>text} lines (the second frozen set, in other
     * people's styles): its items by category, or, with {@code byStyle}, with the style in place of the category.
     */
    static List<Item> loadStyled(String resource, boolean byStyle) {
        List<Item> items = new ArrayList<>();
        for (String line : read(resource).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 5) {
                throw new IllegalArgumentException(resource + ": malformed line: " + line);
            }
            items.add(new Item(columns[0], byStyle ? columns[1] : columns[2], columns[3], columns[4]));
        }
        return items;
    }

    static String sha256(String resource) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(read(resource).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(String resource) {
        try (InputStream in = FrozenSets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Binary scores by language and by language and category: {@code expected} and {@code actual} tell each item's
     * truth and the prediction.
     */
    static Map<String, Binary> scores(List<Item> items, Predicate<Item> expected, Predicate<Item> actual) {
        Map<String, Binary> byLanguage = new TreeMap<>();
        Map<String, Binary> byCategory = new TreeMap<>();
        for (Item item : items) {
            boolean truth = expected.test(item);
            boolean predicted = actual.test(item);
            byLanguage.merge(item.language(), Binary.EMPTY.add(truth, predicted), FrozenSets::sum);
            byCategory.merge(
                    item.language() + " " + item.category(), Binary.EMPTY.add(truth, predicted), FrozenSets::sum);
        }
        Map<String, Binary> all = new LinkedHashMap<>(byLanguage);
        all.putAll(byCategory);
        return all;
    }

    static Binary sum(Binary a, Binary b) {
        return new Binary(
                a.truePositives() + b.truePositives(),
                a.falsePositives() + b.falsePositives(),
                a.falseNegatives() + b.falseNegatives(),
                a.trueNegatives() + b.trueNegatives());
    }

    static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    static String pct(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value * 100);
    }
}
