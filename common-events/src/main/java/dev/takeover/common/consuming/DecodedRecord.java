package dev.takeover.common.consuming;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.common.tracing.Tracing;
import dev.takeover.events.CloudEvent;
import dev.takeover.events.EventType;
import dev.takeover.events.MalformedEventException;
import dev.takeover.events.ReceivedEvent;

/**
 * A consumed record decoded once: the record as it came, the event it carries, its JSON as read (unknown fields
 * kept, text made storable) for consumers that keep the event as published, and the span of handling it, in the
 * record's own trace (an invalid span, no trace, when it was decoded outside a consumer).
 */
public record DecodedRecord(ConsumerRecord<String, byte[]> record, ReceivedEvent<?> event, JsonNode json, Span trace) {

    /** Fails with the reason when the record can never be processed. */
    public static DecodedRecord decode(ConsumerRecord<String, byte[]> record, String inboundTopic) {
        typeOf(record, inboundTopic);
        ReceivedEvent.Decoded decoded = ReceivedEvent.decodeKeepingJson(record);
        return new DecodedRecord(record, decoded.event(), decoded.json(), Span.getInvalid());
    }

    DecodedRecord handledIn(Span span) {
        return new DecodedRecord(record, event, json, span);
    }

    /** Until closed, what is published belongs to this record's trace. */
    public Scope inItsTrace() {
        return Tracing.makeCurrent(trace);
    }

    void endTrace() {
        trace.end();
    }

    /**
     * What the record says it is, from its headers alone. Channel adapters may send customer messages without
     * CloudEvents headers; anything else must say what it is.
     */
    static EventType<?> typeOf(ConsumerRecord<String, byte[]> record, String inboundTopic) {
        if (record.headers().lastHeader(CloudEvent.TYPE_HEADER) == null
                && !record.topic().equals(inboundTopic)) {
            throw new MalformedEventException(
                    "a record without CloudEvents headers is only accepted on " + inboundTopic);
        }
        return ReceivedEvent.typeOf(record);
    }

    public EventType<?> type() {
        return event.type();
    }

    public String idempotencyKey() {
        return event.idempotencyKey();
    }

    public String conversationId() {
        return event.conversationId();
    }

    /** Where the record came from, for logs: never its content. */
    String position() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
