package dev.takeover.systemtest.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A steady stream of customer messages as a channel adapter sends them, each in a conversation of its own; every
 * fifth asks for a person. It keeps sending through a broker outage: its producer buffers and retries.
 */
final class CustomerStream implements AutoCloseable {

    static final String QUESTION = "How long does shipping take?";
    static final String REQUEST_FOR_A_PERSON = "I want to talk to a person";

    /** One message the stream handed to its producer. */
    record Sent(String conversationId, String messageId, boolean asksForAPerson, Instant at) {}

    private final String prefix;
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    private CustomerStream(String prefix, KafkaProducer<String, byte[]> producer) {
        this.prefix = prefix;
        this.producer = producer;
    }

    static CustomerStream start(String bootstrapServers, String prefix, int messagesPerSecond) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "180000");
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(2 * 1024 * 1024));
        CustomerStream stream = new CustomerStream(
                prefix, new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer()));
        stream.ticks.scheduleAtFixedRate(stream::sendNext, 0, 1000 / messagesPerSecond, TimeUnit.MILLISECONDS);
        return stream;
    }

    private void sendNext() {
        int number = next.getAndIncrement();
        boolean asksForAPerson = number % 5 == 4;
        String conversation = prefix + "-" + number;
        String messageId = "m-" + number;
        send(conversation, json(messageId, conversation, asksForAPerson ? REQUEST_FOR_A_PERSON : QUESTION));
        sent.add(new Sent(conversation, messageId, asksForAPerson, Instant.now()));
    }

    private void send(String conversation, byte[] value) {
        send(new ProducerRecord<>("conversation.inbound", conversation, value));
    }

    /** Any record, on any topic, beside the stream's own. */
    void send(ProducerRecord<String, byte[]> record) {
        producer.send(record);
    }

    static byte[] json(String messageId, String conversation, String text) {
        return String.format(
                        "{\"messageId\":\"%s\",\"conversationId\":\"%s\",\"channel\":\"web\",\"text\":\"%s\"}",
                        messageId, conversation, text)
                .getBytes(StandardCharsets.UTF_8);
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    int count() {
        return sent.size();
    }

    /** Stops sending and waits until the broker has every message sent. */
    @Override
    public void close() {
        ticks.shutdown();
        try {
            ticks.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
        producer.close(Duration.ofSeconds(30));
    }
}
