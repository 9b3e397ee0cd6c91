package dev.takeover.systemtest.benchmark;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The raw one-hop Kafka round trip on the same broker: a record sent (acks=all, no linger, as the services send) and
 * received by a consumer that is already polling, one at a time. Every latency of the benchmark is also given as a
 * ratio to this hop, so a machine busy with other work shows up in both and cancels out.
 */
final class RawHop implements AutoCloseable {

    private static final String TOPIC = "benchmark.hop";

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final BlockingQueue<Long> received = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean running = true;

    RawHop(String bootstrapServers) {
        Properties producing = new Properties();
        producing.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producing.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producing.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producing.put(ProducerConfig.ACKS_CONFIG, "all");
        producing.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(producing);
        // The first send creates the topic (the broker auto-creates), so the consumer has a partition to read.
        send();
        Properties consuming = new Properties();
        consuming.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consuming.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consuming.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consuming.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(consuming);
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = new Thread(this::read, "benchmark-raw-hop");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    received.add(
                            System.nanoTime() - ByteBuffer.wrap(record.value()).getLong());
                }
            }
        } catch (WakeupException stopping) {
            // close() asked the loop to end
        } finally {
            consumer.close();
        }
    }

    /** {@code samples} hops one after another, {@code spacing} apart; a hop not back within a second is not counted. */
    List<Long> measure(int samples, Duration spacing) {
        received.clear();
        List<Long> hops = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            send();
            try {
                Long hop = received.poll(1, TimeUnit.SECONDS);
                if (hop != null) {
                    hops.add(hop);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            LockSupport.parkNanos(spacing.toNanos());
        }
        return hops;
    }

    private void send() {
        byte[] sent = ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array();
        try {
            producer.send(new ProducerRecord<>(TOPIC, "hop", sent)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the raw hop could not be sent", e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        producer.close();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
