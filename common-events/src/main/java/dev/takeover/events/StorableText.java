package dev.takeover.events;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Text as every consumer can keep it. PostgreSQL refuses U+0000 in text and {@code jsonb}, and an unpaired surrogate
 * cannot be written as UTF-8 (so not to JSON either); both become U+FFFD, the replacement character, so a customer's
 * message is kept, visibly damaged, instead of failing wherever it is stored or forwarded.
 */
public final class StorableText {

    public static final char REPLACEMENT = '\uFFFD';

    private StorableText() {}

    public static String of(String text) {
        if (text == null || storable(text)) {
            return text;
        }
        StringBuilder repaired = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                repaired.append(c).append(text.charAt(++i));
            } else if (c == '\0' || Character.isSurrogate(c)) {
                repaired.append(REPLACEMENT);
            } else {
                repaired.append(c);
            }
        }
        return repaired.toString();
    }

    /** The same tree with every text value and field name made storable; unchanged nodes are kept as they are. */
    public static JsonNode of(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            String storable = of(text);
            return storable == text ? node : TextNode.valueOf(storable);
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.size());
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                JsonNode storable = of(value);
                String storableName = of(name);
                if (storableName != name) {
                    object.remove(name);
                    object.set(storableName, storable);
                } else if (storable != value) {
                    object.set(name, storable);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                JsonNode storable = of(value);
                if (storable != value) {
                    array.set(i, storable);
                }
            }
        }
        return node;
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c)
                        || i + 1 == text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
