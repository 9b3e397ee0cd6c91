package dev.takeover.systemtest.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.takeover.events.CloudEvent;

/**
 * Reads what the services publish and remembers, by the broker's timestamp, when each message was first analysed
 * and when each conversation was first handed over and first assigned. Broker timestamps are the producers' send
 * times, so the benchmark's own reading speed is not part of any latency.
 */
final class Observer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOPICS = List.of("bot.analysis", "handover.events", "agent.events");

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Map<String, Long> analysed = new ConcurrentHashMap<>();
    private final Map<String, Long> requested = new ConcurrentHashMap<>();
    private final Map<String, Long> offered = new ConcurrentHashMap<>();
    private final Map<String, Long> assigned = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    Observer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "benchmark-observer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    observe(record);
                }
            }
        } catch (WakeupException stopping) {
            // close() asked the loop to end
        } finally {
            consumer.close();
        }
    }

    private void observe(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEvent.TYPE_HEADER);
        if (type == null) {
            return;
        }
        switch (new String(type.value(), StandardCharsets.UTF_8)) {
            case "bot.message-analyzed.v1" -> analysed.putIfAbsent(messageId(record), record.timestamp());
            case "handover.requested.v1" -> requested.putIfAbsent(record.key(), record.timestamp());
            case "agent.conversation-offered.v1" -> offered.putIfAbsent(record.key(), record.timestamp());
            case "agent.conversation-assigned.v1" -> {
                offered.putIfAbsent(record.key(), record.timestamp());
                assigned.putIfAbsent(record.key(), record.timestamp());
            }
            default -> {
                // other events on these topics are not measured
            }
        }
    }

    private static String messageId(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode data = JSON.readTree(record.value());
            return data.path("messageId").asText();
        } catch (java.io.IOException e) {
            return "unreadable";
        }
    }

    /** When the message was first analysed (broker time, ms), or null. */
    Long analysedAt(String messageId) {
        return analysed.get(messageId);
    }

    Long requestedAt(String conversationId) {
        return requested.get(conversationId);
    }

    /** The first offer; with auto-accept the assignment is the offer. */
    Long offeredAt(String conversationId) {
        return offered.get(conversationId);
    }

    Long assignedAt(String conversationId) {
        return assigned.get(conversationId);
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
