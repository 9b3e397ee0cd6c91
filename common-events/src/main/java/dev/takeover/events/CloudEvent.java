package dev.takeover.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The CloudEvents 1.0 attributes of one record, carried in Kafka binary mode as {@code ce_*} headers. */
public record CloudEvent(UUID id, String type, String source, Instant time, String subject) {

    public static final String SPEC_VERSION = "1.0";
    public static final String SPEC_VERSION_HEADER = "ce_specversion";
    public static final String ID_HEADER = "ce_id";
    public static final String TYPE_HEADER = "ce_type";
    public static final String SOURCE_HEADER = "ce_source";
    public static final String TIME_HEADER = "ce_time";
    public static final String SUBJECT_HEADER = "ce_subject";
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String JSON = "application/json";

    public CloudEvent {
        Fields.require(id, "ce_id");
        Fields.requireText(type, "ce_type");
        Fields.requireText(source, "ce_source");
        Fields.require(time, "ce_time");
        Fields.requireText(subject, "ce_subject");
    }

    public static CloudEvent create(EventType<?> type, String source, String conversationId, Instant time) {
        return new CloudEvent(UUID.randomUUID(), type.name(), source, time, conversationId);
    }

    public Headers toHeaders() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC_VERSION_HEADER, SPEC_VERSION);
        add(headers, ID_HEADER, id.toString());
        add(headers, TYPE_HEADER, type);
        add(headers, SOURCE_HEADER, source);
        add(headers, TIME_HEADER, time.toString());
        add(headers, SUBJECT_HEADER, subject);
        add(headers, CONTENT_TYPE_HEADER, JSON);
        return headers;
    }

    /** Empty when the record carries no {@code ce_type}, as a plain channel-adapter message does. */
    public static Optional<CloudEvent> fromHeaders(Headers headers) {
        Optional<String> type = text(headers, TYPE_HEADER);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CloudEvent(
                    UUID.fromString(required(headers, ID_HEADER)),
                    type.get(),
                    required(headers, SOURCE_HEADER),
                    Instant.parse(required(headers, TIME_HEADER)),
                    required(headers, SUBJECT_HEADER)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("invalid CloudEvents headers: " + e.getMessage(), e);
        }
    }

    private static String required(Headers headers, String name) {
        return text(headers, name).orElseThrow(() -> new MalformedEventException("missing header " + name));
    }

    private static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(StorableText.of(new String(header.value(), StandardCharsets.UTF_8)));
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
