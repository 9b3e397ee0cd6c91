package dev.takeover.common.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.RecordBatch;
import org.junit.jupiter.api.Test;

import dev.takeover.events.CloudEvent;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRecordSizeTest {

    private final CloudEvent ce = new CloudEvent(
            UUID.randomUUID(), "agent.internal-note-added.v1", "/agent-service", Instant.now(), "conversation-7");

    @Test
    void theEstimateIsNeverBelowWhatTheProducerCountsAgainstMaxRequestSize() {
        for (int length : new int[] {0, 100, 4_000, 1_000_000, 5_000_000}) {
            byte[] payload = new byte[length];

            int producerCounts = AbstractRecords.estimateSizeInBytesUpperBound(
                    RecordBatch.CURRENT_MAGIC_VALUE,
                    Compression.NONE.type(),
                    ByteBuffer.wrap(ce.subject().getBytes(StandardCharsets.UTF_8)),
                    ByteBuffer.wrap(payload),
                    ce.toHeaders().toArray());

            assertThat(Outbox.recordSize(ce, payload))
                    .isGreaterThanOrEqualTo(producerCounts)
                    .isLessThan(producerCounts + 1024);
        }
    }
}
