package dev.takeover.transcript.privacy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Replaces personal data in text with a placeholder naming its kind, such as {@code [EMAIL]}. */
public final class PiiMasker {

    /** What logs are masked with, whatever the export configuration says. */
    public static final PiiMasker EVERY_KIND = new PiiMasker(EnumSet.allOf(PiiKind.class), Map.of());

    private final List<PiiKind> kinds;
    private final Map<String, Pattern> customPatterns;

    public PiiMasker(Set<PiiKind> kinds, Map<String, String> customPatterns) {
        // E-mail first (its local part may hold digits), then the checksummed kinds, phones last.
        EnumSet<PiiKind> inOrder = EnumSet.noneOf(PiiKind.class);
        inOrder.addAll(kinds);
        this.kinds = List.copyOf(inOrder);
        this.customPatterns = new LinkedHashMap<>();
        customPatterns.forEach((name, regex) -> this.customPatterns.put(
                "[" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_") + "]", Pattern.compile(regex)));
    }

    public List<String> maskedKinds() {
        List<String> names = new ArrayList<>(kinds.stream().map(Enum::name).toList());
        customPatterns.keySet().forEach(placeholder -> names.add(placeholder.substring(1, placeholder.length() - 1)));
        return names;
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (PiiKind kind : kinds) {
            masked = mask(masked, kind);
        }
        for (Map.Entry<String, Pattern> custom : customPatterns.entrySet()) {
            masked = custom.getValue().matcher(masked).replaceAll(Matcher.quoteReplacement(custom.getKey()));
        }
        return masked;
    }

    /** A copy of the JSON with every text value masked. */
    public JsonNode mask(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(mask(node.textValue()));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.fieldNames().forEachRemaining(name -> copy.set(name, mask(object.get(name))));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(mask(element)));
            return copy;
        }
        return node;
    }

    private static String mask(String text, PiiKind kind) {
        Matcher candidates = kind.pattern().matcher(text);
        StringBuilder masked = null;
        int copiedUpTo = 0;
        while (candidates.find()) {
            String confirmed = kind.confirm(candidates.group());
            if (confirmed == null) {
                continue;
            }
            if (masked == null) {
                masked = new StringBuilder(text.length());
            }
            masked.append(text, copiedUpTo, candidates.start()).append(kind.placeholder());
            copiedUpTo = candidates.start() + confirmed.length();
        }
        if (masked == null) {
            return text;
        }
        return masked.append(text, copiedUpTo, text.length()).toString();
    }
}
