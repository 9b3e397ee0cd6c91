package dev.takeover.infrastructure.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * A batch as a consumer would poll it, composed by a test that needs to know exactly what one batch holds: records
 * as they would be published, each placed on a partition of the test's choosing at that partition's next offset.
 */
public final class PolledBatch {

    /** Far beyond anything a test publishes, so composed offsets never look like the broker's own. */
    private static final long FIRST_OFFSET = 1_000_000;

    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();

    private PolledBatch() {}

    public static PolledBatch polled() {
        return new PolledBatch();
    }

    public PolledBatch on(int partition, ProducerRecord<String, byte[]> published) {
        TopicPartition topicPartition = new TopicPartition(published.topic(), partition);
        long offset = nextOffsets.merge(topicPartition, FIRST_OFFSET, (last, first) -> last + 1);
        records.add(new ConsumerRecord<>(
                published.topic(),
                partition,
                offset,
                published.timestamp() == null ? System.currentTimeMillis() : published.timestamp(),
                TimestampType.CREATE_TIME,
                -1,
                published.value() == null ? -1 : published.value().length,
                published.key(),
                published.value(),
                new RecordHeaders(published.headers().toArray()),
                Optional.empty()));
        return this;
    }

    public List<ConsumerRecord<String, byte[]>> list() {
        return List.copyOf(records);
    }

    /** As the consumer hands it to a batch method: by partition, each in offset order. */
    public ConsumerRecords<String, byte[]> records() {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            byPartition
                    .computeIfAbsent(new TopicPartition(record.topic(), record.partition()), any -> new ArrayList<>())
                    .add(record);
        }
        return new ConsumerRecords<>(byPartition, Map.of());
    }
}
