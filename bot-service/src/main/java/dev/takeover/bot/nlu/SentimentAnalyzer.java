package dev.takeover.bot.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

/**
 * Scores a message's sentiment in German and English from a lexicon (a data file), with negation ("nicht gut", "not
 * bad"), intensifiers ("sehr", "really"), emoji and shouting. A lexicon rather than a model trained on someone's
 * reviews: customer-service messages are short, and the lexicon stays inspectable and correctable.
 */
public final class SentimentAnalyzer {

    private static final Set<String> NEGATORS = Set.of(
            "not", "no", "never", "dont", "don", "didnt", "didn", "doesnt", "doesn", "isnt", "isn", "wasnt", "wasn",
            "cannot", "cant", "wont", "aren", "arent", "haven", "havent", "hasn", "hasnt", "nothing", "without",
            "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "nichts", "ohne", "nix");
    private static final Set<String> INTENSIFIERS = Set.of(
            "very",
            "really",
            "so",
            "extremely",
            "totally",
            "absolutely",
            "completely",
            "too",
            "incredibly",
            "sehr",
            "echt",
            "total",
            "extrem",
            "absolut",
            "voll",
            "wirklich",
            "ganz",
            "mega",
            "unglaublich",
            "verdammt");
    private static final Set<String> COURTESIES = Set.of("thanks", "thank", "thx", "danke", "dank", "merci");
    private static final double NEGATION = -0.6;
    /** A negation that negates no feeling ("kommt nie an", "can't sign in") still reports that something fails. */
    private static final double UNATTACHED_NEGATION = -0.7;

    private static final double INTENSITY = 1.5;
    private static final double SPREAD = 6.0;
    private static final double LABEL_THRESHOLD = 0.2;

    private final Map<String, Double> words = new HashMap<>();
    private final TreeMap<String, Double> prefixes = new TreeMap<>();
    private final Map<String, Double> symbols = new HashMap<>();

    public SentimentAnalyzer() {
        try (InputStream in = SentimentAnalyzer.class.getResourceAsStream("/nlu/sentiment-lexicon.tsv")) {
            if (in == null) {
                throw new IllegalStateException("nlu/sentiment-lexicon.tsv is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] entry = line.split("\t");
                double score = Double.parseDouble(entry[1]);
                if (!Character.isLetter(entry[0].codePointAt(0))) {
                    symbols.put(entry[0], score);
                } else if (entry[0].endsWith("*")) {
                    prefixes.put(entry[0].substring(0, entry[0].length() - 1), score);
                } else {
                    words.put(entry[0], score);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentiment lexicon", e);
        }
    }

    public Sentiment analyze(String text) {
        double score = score(text);
        Sentiment.Label label = score <= -LABEL_THRESHOLD
                ? Sentiment.Label.NEGATIVE
                : score >= LABEL_THRESHOLD ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL;
        return new Sentiment(Math.round(score * 1000) / 1000.0, label);
    }

    private double score(String text) {
        List<String> tokens = TextFeatures.words(text);
        double sum = 0;
        int negatedFor = 0;
        double intensity = 1;
        for (String token : tokens) {
            if (NEGATORS.contains(token)) {
                if (negatedFor > 0) {
                    sum += UNATTACHED_NEGATION;
                }
                negatedFor = 3;
                continue;
            }
            if (INTENSIFIERS.contains(token)) {
                intensity = INTENSITY;
                continue;
            }
            Double value = valueOf(token);
            if (value != null) {
                double contribution = value * intensity;
                boolean negated = negatedFor > 0 && !COURTESIES.contains(token);
                sum += negated ? contribution * NEGATION : contribution;
                negatedFor = 0;
                intensity = 1;
            } else if (negatedFor > 0 && --negatedFor == 0) {
                sum += UNATTACHED_NEGATION;
            }
        }
        if (negatedFor > 0) {
            sum += UNATTACHED_NEGATION;
        }
        for (Map.Entry<String, Double> symbol : symbols.entrySet()) {
            int at = text.indexOf(symbol.getKey());
            while (at >= 0) {
                sum += symbol.getValue();
                at = text.indexOf(symbol.getKey(), at + symbol.getKey().length());
            }
        }
        if (sum != 0) {
            sum *= emphasis(text);
        }
        return sum / Math.sqrt(sum * sum + SPREAD);
    }

    private Double valueOf(String token) {
        Double value = words.get(token);
        if (value != null || token.length() < 4) {
            return value;
        }
        Map.Entry<String, Double> prefix = prefixes.floorEntry(token);
        while (prefix != null) {
            if (token.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
            if (prefix.getKey().isEmpty() || prefix.getKey().charAt(0) != token.charAt(0)) {
                return null;
            }
            prefix = prefixes.lowerEntry(prefix.getKey());
        }
        return null;
    }

    /** Exclamation marks and capitals make a feeling stronger, never change its direction. */
    private static double emphasis(String text) {
        long exclamations = text.chars().filter(c -> c == '!').count();
        return (1 + Math.min(3, exclamations) * 0.15) * (MessageCues.shouting(text) ? 1.3 : 1);
    }
}
