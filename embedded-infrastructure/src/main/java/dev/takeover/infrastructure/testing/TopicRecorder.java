package dev.takeover.infrastructure.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.EventType;

/** Records every record on some topics from their beginning, so a test can inspect one conversation's records. */
public final class TopicRecorder implements AutoCloseable {

    private final ConsumerTask<String, byte[]> task;

    private TopicRecorder(ConsumerTask<String, byte[]> task) {
        this.task = task;
    }

    public static TopicRecorder recording(KafkaCompanion kafka, String... topics) {
        return new TopicRecorder(kafka.consume(String.class, byte[].class)
                .withGroupId("test-recorder-" + UUID.randomUUID())
                .withOffsetReset("earliest")
                .fromTopics(topics));
    }

    /** The records keyed by this conversation, in the order they arrived. */
    public List<ConsumerRecord<String, byte[]>> records(String conversationId) {
        return task.stream()
                .filter(record -> conversationId.equals(record.key()))
                .toList();
    }

    /** This conversation's events of one type, decoded. */
    public <T extends ConversationEvent> List<T> events(String conversationId, EventType<T> type) {
        return records(conversationId).stream()
                .filter(record -> type.name().equals(header(record, CloudEvent.TYPE_HEADER)))
                .map(record -> EventCodec.fromJson(record.value(), type.payloadClass()))
                .toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(Objects.requireNonNull(header.value()), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        task.close();
    }
}
