package dev.takeover.events;

import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.takeover.events.conversation.InboundMessage;

/**
 * One consumed record, validated against the contract. The idempotency key is {@code ce_id}, except for customer
 * messages: their {@code messageId} (unique within the conversation, not necessarily beyond it) identifies them
 * whether or not the channel adapter sent CloudEvents headers.
 */
public record ReceivedEvent<T extends ConversationEvent>(
        String idempotencyKey, EventType<T> type, Instant occurredAt, T payload) {

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
        Optional<CloudEvent> cloudEvent = CloudEvent.fromHeaders(record.headers());
        if (cloudEvent.isEmpty()) {
            return plainCustomerMessage(record);
        }
        CloudEvent ce = cloudEvent.get();
        EventType<?> type = EventTypes.named(ce.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + ce.type() + "'"));
        return of(type, ce, record.value());
    }

    private static <T extends ConversationEvent> ReceivedEvent<T> of(EventType<T> type, CloudEvent ce, byte[] value) {
        T payload = EventCodec.fromJson(value, type.payloadClass());
        if (payload instanceof InboundMessage message) {
            return new ReceivedEvent<>(messageKey(message), type, message.sentAtOr(ce.time()), payload);
        }
        return new ReceivedEvent<>(ce.id().toString(), type, ce.time(), payload);
    }

    private static ReceivedEvent<InboundMessage> plainCustomerMessage(ConsumerRecord<String, byte[]> record) {
        InboundMessage message = EventCodec.fromJson(record.value(), InboundMessage.class);
        Instant receivedAt = Instant.ofEpochMilli(record.timestamp());
        return new ReceivedEvent<>(messageKey(message), InboundMessage.TYPE, message.sentAtOr(receivedAt), message);
    }

    private static String messageKey(InboundMessage message) {
        return customerMessageKey(message.conversationId(), message.messageId());
    }

    /** The idempotency key of a customer message. */
    public static String customerMessageKey(String conversationId, String messageId) {
        return "message:" + conversationId + "/" + messageId;
    }
}
