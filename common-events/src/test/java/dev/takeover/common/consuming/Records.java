package dev.takeover.common.consuming;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Consumed records as a channel adapter sends customer messages: plain JSON on conversation.inbound. */
final class Records {

    static final String INBOUND = "conversation.inbound";

    private Records() {}

    static ConsumerRecord<String, byte[]> message(int partition, long offset, String conversation, String messageId) {
        return record(
                INBOUND,
                partition,
                offset,
                conversation,
                "{\"messageId\":\"" + messageId + "\",\"conversationId\":\"" + conversation
                        + "\",\"channel\":\"web\",\"text\":\"hello\"}");
    }

    static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset, String key, String value) {
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                1_000L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key,
                value.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(),
                Optional.empty());
    }

    static DecodedRecord decoded(int partition, long offset, String conversation, String messageId) {
        return DecodedRecord.decode(message(partition, offset, conversation, messageId), INBOUND);
    }

    static String messageId(DecodedRecord record) {
        return record.idempotencyKey().substring(record.idempotencyKey().lastIndexOf('/') + 1);
    }
}
