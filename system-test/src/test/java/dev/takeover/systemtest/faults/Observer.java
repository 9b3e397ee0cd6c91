package dev.takeover.systemtest.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.takeover.events.CloudEvent;
import dev.takeover.infrastructure.testing.TopicRecorder;

/**
 * Watches topics from their beginning on a thread of its own and notes when each record arrived, so the suite can tell
 * when a message came through each hop. It rides out broker restarts as any client does.
 */
final class Observer implements AutoCloseable {

    /**
     * One record as it arrived here: where (topic, partition and offset), what type, which event, when, and the
     * dead-letter reason if any.
     */
    record Seen(
            String topic,
            int partition,
            long offset,
            String type,
            String eventId,
            Instant at,
            String reason,
            int size) {}

    private final Map<String, List<Seen>> byKey = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    Observer(String bootstrapServers, List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-observer-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        thread = new Thread(this::pollUntilClosed, "fault-observer");
        thread.setDaemon(true);
        thread.start();
    }

    private void pollUntilClosed() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Instant now = Instant.now();
                    if (record.key() != null) {
                        byKey.computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>())
                                .add(new Seen(
                                        record.topic(),
                                        record.partition(),
                                        record.offset(),
                                        TopicRecorder.header(record, CloudEvent.TYPE_HEADER),
                                        TopicRecorder.header(record, CloudEvent.ID_HEADER),
                                        now,
                                        TopicRecorder.header(record, "dead-letter-reason"),
                                        record.value() == null ? 0 : record.value().length));
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    List<Seen> of(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** When the first record of this key matching the condition arrived. */
    Optional<Instant> first(String key, Predicate<Seen> condition) {
        return of(key).stream().filter(condition).map(Seen::at).min(Instant::compareTo);
    }

    /** Distinct events (by {@code ce_id}) of this type on this topic: a redelivered record counts once. */
    long distinct(String key, String topic, String type) {
        return of(key).stream()
                .filter(seen -> seen.topic().equals(topic) && Objects.equals(seen.type(), type))
                .map(Seen::eventId)
                .distinct()
                .count();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
