package dev.takeover.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.takeover.events.CloudEvent;

/**
 * Every record that reaches a topic from now on, with the moment it arrived (System.nanoTime), read by a consumer of
 * its own that polls continuously, so a test can ask what arrived, in which order, and when.
 */
final class Arrivals implements AutoCloseable {

    record Arrival(String key, String eventId, byte[] value, int partition, long offset, long arrivedAt) {

        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    Arrivals(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "arrivals-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "arrivals-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                long now = System.nanoTime();
                Header id = record.headers().lastHeader(CloudEvent.ID_HEADER);
                String eventId = id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
                arrivals.add(
                        new Arrival(record.key(), eventId, record.value(), record.partition(), record.offset(), now));
                if (eventId != null) {
                    arrivedAt.putIfAbsent(eventId, now);
                }
            }
        }
        consumer.close();
    }

    int count() {
        return arrivals.size();
    }

    List<Arrival> all() {
        return new ArrayList<>(arrivals);
    }

    /** Keyed records in the order they arrived, per key. */
    Map<String, List<Arrival>> byKey(String keyPrefix) {
        return arrivals.stream()
                .filter(arrival -> arrival.key() != null && arrival.key().startsWith(keyPrefix))
                .collect(Collectors.groupingBy(Arrival::key, Collectors.toList()));
    }

    Long arrivedAt(String eventId) {
        return arrivedAt.get(eventId);
    }

    long distinctEvents() {
        return arrivedAt.size();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
    }
}
