package dev.takeover.common.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import dev.takeover.common.tracing.Tracing;
import dev.takeover.events.CloudEvent;

/** One row of the outbox, and the record it becomes, in the trace of the transaction that wrote it. */
record OutboxRow(
        long id,
        UUID eventId,
        String eventType,
        String topic,
        String key,
        String source,
        Instant occurredAt,
        byte[] payload,
        String traceparent) {

    static OutboxRow of(ResultSet row) throws SQLException {
        return new OutboxRow(
                row.getLong("id"),
                row.getObject("event_id", UUID.class),
                row.getString("event_type"),
                row.getString("topic"),
                row.getString("record_key"),
                row.getString("source"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getBytes("payload"),
                row.getString("traceparent"));
    }

    ProducerRecord<String, byte[]> toRecord() {
        Headers headers = new CloudEvent(eventId, eventType, source, occurredAt, key).toHeaders();
        if (traceparent != null) {
            headers.add(Tracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(topic, null, key, payload, headers);
    }
}
