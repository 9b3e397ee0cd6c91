package dev.takeover.bot.nlu;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The intent catalogue: training phrases per intent, which is data, not code. Parsed from a JSON array or JSON Lines of
 * {@code {"text", "intent", "language"?}} and validated whole, so a broken upload is refused with every reason at once.
 */
public record Catalogue(List<TrainingPhrase> phrases) {

    public static final int MAX_PHRASES = 100_000;
    public static final int MAX_PHRASE_LENGTH = 2_000;
    private static final int MAX_REPORTED_PROBLEMS = 20;
    public static final int MAX_INTENT_NAME = 200;
    /** Any printable text: real catalogues name intents like {@code reverted_card_payment?} or "Karte gesperrt". */
    private static final Pattern INTENT_NAME =
            Pattern.compile("[^\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}]{1," + MAX_INTENT_NAME + "}");

    private static final ObjectMapper JSON = new ObjectMapper();

    public Catalogue {
        phrases = List.copyOf(phrases);
    }

    public static Catalogue parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidCatalogueException(List.of("the catalogue is empty"));
        }
        List<String> problems = new ArrayList<>();
        List<TrainingPhrase> phrases = new ArrayList<>();
        String trimmed = body.strip();
        if (trimmed.startsWith("[")) {
            JsonNode array = read(trimmed, "the body", problems);
            if (array != null) {
                for (int i = 0; i < array.size(); i++) {
                    phrase(array.get(i), "entry " + (i + 1), phrases, problems);
                }
            }
        } else {
            String[] lines = trimmed.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    JsonNode node = read(lines[i], "line " + (i + 1), problems);
                    if (node != null) {
                        phrase(node, "line " + (i + 1), phrases, problems);
                    }
                }
            }
        }
        Catalogue catalogue = new Catalogue(phrases);
        if (problems.isEmpty()) {
            catalogue.checkTrainable(problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogueException(problems.size() > MAX_REPORTED_PROBLEMS ? limited(problems) : problems);
        }
        return catalogue;
    }

    private void checkTrainable(List<String> problems) {
        if (phrases.size() > MAX_PHRASES) {
            problems.add("the catalogue has " + phrases.size() + " phrases; at most " + MAX_PHRASES + " are allowed");
        }
        if (phrasesPerIntent().size() < 2) {
            problems.add("the catalogue needs at least two intents to tell apart");
        }
    }

    /** Intents in name order, with their number of phrases. */
    public Map<String, Integer> phrasesPerIntent() {
        Map<String, Integer> counts = new TreeMap<>();
        phrases.forEach(phrase -> counts.merge(phrase.intent(), 1, Integer::sum));
        return counts;
    }

    /** Phrases per language, "unspecified" for those the catalogue leaves to detection. */
    public Map<String, Integer> phrasesPerLanguage() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        phrases.forEach(
                phrase -> counts.merge(phrase.language() == null ? "unspecified" : phrase.language(), 1, Integer::sum));
        return counts;
    }

    private static JsonNode read(String json, String where, List<String> problems) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            problems.add(where + " is not valid JSON");
            return null;
        }
    }

    private static void phrase(JsonNode node, String where, List<TrainingPhrase> phrases, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(where + " is not an object with text and intent");
            return;
        }
        String text = node.path("text").isTextual() ? node.get("text").asText().strip() : null;
        String intent =
                node.path("intent").isTextual() ? node.get("intent").asText().strip() : null;
        String language = node.path("language").isTextual()
                ? node.get("language").asText().strip()
                : null;
        int before = problems.size();
        if (text == null || text.isEmpty()) {
            problems.add(where + ": text is required");
        } else if (text.length() > MAX_PHRASE_LENGTH) {
            problems.add(where + ": text is longer than " + MAX_PHRASE_LENGTH + " characters");
        }
        if (intent == null || intent.isEmpty()) {
            problems.add(where + ": intent is required");
        } else if (!INTENT_NAME.matcher(intent).matches()) {
            problems.add(where + ": intent '" + abbreviate(intent) + "' must be 1 to " + MAX_INTENT_NAME
                    + " printable characters (no control characters or line breaks)");
        }
        if (node.hasNonNull("language") && (language == null || language.isEmpty())) {
            problems.add(where + ": language must be a string");
        } else if (language != null && !language.isEmpty() && !LanguageDetector.SUPPORTED.contains(language)) {
            problems.add(where + ": language '" + abbreviate(language) + "' is not supported (use "
                    + String.join(", ", LanguageDetector.SUPPORTED) + " or leave it out)");
        }
        if (problems.size() == before) {
            phrases.add(new TrainingPhrase(text, intent, language == null || language.isEmpty() ? null : language));
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static List<String> limited(List<String> problems) {
        List<String> first = new ArrayList<>(problems.subList(0, MAX_REPORTED_PROBLEMS));
        first.add("and " + (problems.size() - MAX_REPORTED_PROBLEMS) + " more problems");
        return first;
    }
}
