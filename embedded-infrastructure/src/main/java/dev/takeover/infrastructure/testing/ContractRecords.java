package dev.takeover.infrastructure.testing;

import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.EventType;

/** Builds records exactly as our services publish them: keyed by conversation, with CloudEvents headers. */
public final class ContractRecords {

    private ContractRecords() {}

    public static <T extends ConversationEvent> ProducerRecord<String, byte[]> record(EventType<T> type, T event) {
        return record(CloudEvent.create(type, "/test", event.conversationId(), Instant.now()), type, event);
    }

    /** The same {@code ce} twice is a redelivery. */
    public static <T extends ConversationEvent> ProducerRecord<String, byte[]> record(
            CloudEvent ce, EventType<T> type, T event) {
        return new ProducerRecord<>(
                type.topic().defaultName(), null, event.conversationId(), EventCodec.toJson(event), ce.toHeaders());
    }
}
