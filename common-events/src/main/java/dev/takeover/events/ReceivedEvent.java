package dev.takeover.events;

import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.events.conversation.InboundMessage;

/**
 * One consumed record, validated against the contract. The idempotency key is {@code ce_id}, except for customer
 * messages: their {@code messageId} (unique within the conversation, not necessarily beyond it) identifies them
 * whether or not the channel adapter sent CloudEvents headers.
 */
public record ReceivedEvent<T extends ConversationEvent>(
        String idempotencyKey, EventType<T> type, Instant occurredAt, T payload) {

    /** The longest conversation id or idempotency key a consumer accepts. */
    public static final int MAX_ID_LENGTH = 256;

    public String conversationId() {
        return payload.conversationId();
    }

    /** Decodes a record that must be of the expected type. */
    public static <T extends ConversationEvent> ReceivedEvent<T> decode(
            ConsumerRecord<String, byte[]> record, EventType<T> expected) {
        ReceivedEvent<?> event = decode(record);
        if (!event.type().equals(expected)) {
            throw new MalformedEventException("expected " + expected + " but got " + event.type());
        }
        @SuppressWarnings("unchecked")
        ReceivedEvent<T> typed = (ReceivedEvent<T>) event;
        return typed;
    }

    /** Decodes a record of any known type; an unknown type is malformed, never silently skipped. */
    public static ReceivedEvent<?> decode(ConsumerRecord<String, byte[]> record) {
        return decodeKeepingJson(record).event();
    }

    /**
     * Decodes a record once and keeps its JSON as read (unknown fields included, text made storable), for consumers
     * that store the event as published. The headers are checked first, so a record of an unknown type is reported
     * as such whatever its value is.
     */
    public static Decoded decodeKeepingJson(ConsumerRecord<String, byte[]> record) {
        Optional<CloudEvent> cloudEvent = CloudEvent.fromHeaders(record.headers());
        if (cloudEvent.isEmpty()) {
            JsonNode json = EventCodec.readTree(record.value());
            return new Decoded(plainCustomerMessage(record, json), json);
        }
        CloudEvent ce = cloudEvent.get();
        EventType<?> type = EventTypes.named(ce.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + ce.type() + "'"));
        JsonNode json = EventCodec.readTree(record.value());
        return new Decoded(of(type, ce, json), json);
    }

    /**
     * The type a record says it carries, read from its headers alone: its {@code ce_type}, or a customer message when
     * it has none. A consumer that does not handle the type can skip the record without reading its value.
     */
    public static EventType<?> typeOf(ConsumerRecord<String, byte[]> record) {
        Optional<CloudEvent> cloudEvent = CloudEvent.fromHeaders(record.headers());
        if (cloudEvent.isEmpty()) {
            return InboundMessage.TYPE;
        }
        String name = cloudEvent.get().type();
        return EventTypes.named(name)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + name + "'"));
    }

    /** A decoded record's event, and its JSON as read. */
    public record Decoded(ReceivedEvent<?> event, JsonNode json) {}

    private static <T extends ConversationEvent> ReceivedEvent<T> of(EventType<T> type, CloudEvent ce, JsonNode json) {
        T payload = EventCodec.fromTree(json, type.payloadClass());
        if (payload instanceof InboundMessage message) {
            return indexable(new ReceivedEvent<>(messageKey(message), type, message.sentAtOr(ce.time()), payload));
        }
        return indexable(new ReceivedEvent<>(ce.id().toString(), type, ce.time(), payload));
    }

    private static ReceivedEvent<InboundMessage> plainCustomerMessage(
            ConsumerRecord<String, byte[]> record, JsonNode json) {
        InboundMessage message = EventCodec.fromTree(json, InboundMessage.class);
        Instant receivedAt = Instant.ofEpochMilli(record.timestamp());
        return indexable(
                new ReceivedEvent<>(messageKey(message), InboundMessage.TYPE, message.sentAtOr(receivedAt), message));
    }

    /** Every consumer keys its records by these ids; no index holds arbitrarily long ones, and no channel needs them. */
    private static <T extends ConversationEvent> ReceivedEvent<T> indexable(ReceivedEvent<T> event) {
        requireIndexable(event.conversationId(), "conversationId");
        requireIndexable(event.idempotencyKey(), "the idempotency key");
        return event;
    }

    private static void requireIndexable(String id, String name) {
        if (id.length() > MAX_ID_LENGTH) {
            throw new MalformedEventException(name + " is longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    private static String messageKey(InboundMessage message) {
        return customerMessageKey(message.conversationId(), message.messageId());
    }

    /** The idempotency key of a customer message. */
    public static String customerMessageKey(String conversationId, String messageId) {
        return "message:" + conversationId + "/" + messageId;
    }
}
