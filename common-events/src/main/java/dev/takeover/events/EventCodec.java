package dev.takeover.events;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The contract's JSON: ISO-8601 instants, unknown fields tolerated (fields may be added), absent fields omitted. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toJson(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public static <T> T fromJson(byte[] json, Class<T> type) {
        return fromTree(readTree(json), type);
    }

    /**
     * Reads a record's value as consumers must: bytes that are not UTF-8 are decoded with replacement characters, and
     * text no database or JSON writer accepts is made storable ({@link StorableText}), so a customer's damaged message
     * is kept rather than refused. Unknown fields are kept in the tree.
     */
    public static JsonNode readTree(byte[] json) {
        if (json == null || json.length == 0) {
            throw new MalformedEventException("record has no value");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(syntaxReason(e), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new MalformedEventException("record has no value");
        }
        return StorableText.of(tree);
    }

    /** The event a tree read by {@link #readTree} describes; no second parse of the record. */
    public static <T> T fromTree(JsonNode tree, Class<T> type) {
        try {
            T value = MAPPER.treeToValue(tree, type);
            if (value == null) {
                throw new MalformedEventException("value is JSON null, expected a " + type.getSimpleName());
            }
            return value;
        } catch (ValueInstantiationException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new MalformedEventException("invalid " + type.getSimpleName() + ": " + reason.getMessage(), e);
        } catch (JsonMappingException e) {
            throw new MalformedEventException(mappingReason(e, type), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("invalid " + type.getSimpleName(), e);
        }
    }

    private static String syntaxReason(JsonProcessingException e) {
        if (e instanceof JsonEOFException && e.getProcessor() instanceof JsonParser parser) {
            return "not valid JSON: it ends early, in " + path(parser.getParsingContext());
        }
        return "not valid JSON" + position(e);
    }

    // Reasons name positions, fields and types, never content: they end up in logs and dead-letter headers.
    private static String mappingReason(JsonMappingException e, Class<?> type) {
        String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? ": expected " + mismatch.getTargetType().getSimpleName()
                : "";
        return "invalid " + type.getSimpleName() + " at " + path(e) + expected;
    }

    private static String position(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
        return path.isEmpty() ? "the top level" : "'" + path + "'";
    }

    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String step = at.inArray()
                    ? "[" + Math.max(0, at.getCurrentIndex()) + "]"
                    : at.getCurrentName() == null ? "" : at.getCurrentName();
            if (!step.isEmpty()) {
                path.insert(0, path.isEmpty() || path.charAt(0) == '[' ? step : step + ".");
            }
        }
        return path.isEmpty() ? "the top level" : "'" + path + "'";
    }
}
