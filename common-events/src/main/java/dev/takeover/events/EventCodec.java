package dev.takeover.events;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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
        if (json == null || json.length == 0) {
            throw new MalformedEventException("record has no value");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new MalformedEventException("value is JSON null, expected a " + type.getSimpleName());
            }
            return value;
        } catch (ValueInstantiationException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new MalformedEventException("invalid " + type.getSimpleName() + ": " + reason.getMessage(), e);
        } catch (JsonMappingException e) {
            throw new MalformedEventException(mappingReason(e, type), e);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not valid JSON" + position(e), e);
        } catch (IOException e) {
            throw new MalformedEventException("unreadable value", e);
        }
    }

    // Reasons name positions, fields and types, never content: they end up in logs and dead-letter headers.
    private static String mappingReason(JsonMappingException e, Class<?> type) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonEOFException) {
                return "not valid JSON: it ends early, in " + path(e);
            }
        }
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
}
