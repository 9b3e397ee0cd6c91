package dev.takeover.systemtest.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Drives customer messages on {@code conversation.inbound} at a fixed rate and measures, from the broker's
 * timestamps, how long analysis, takeover and offer took, and what was still unanalysed when the rate ended.
 */
final class Ladder implements AutoCloseable {

    /** All analysed within this long after the last message, or the rate is not sustained. */
    static final Duration GRACE = Duration.ofSeconds(5);
    /** How long the services may take to catch up before the next rate, so one rate's backlog does not spoil the next. */
    static final Duration DRAIN = Duration.ofSeconds(90);

    private final KafkaProducer<String, byte[]> producer;
    private final Observer observer;
    private final RawHop hop;
    private final CpuTime cpu;
    private long nextConversation;

    /** One message sent: when, to which conversation, and whether it asks for a person. */
    record Sent(String messageId, String conversationId, long sentAt, boolean asksForPerson) {}

    /** What one rate did. */
    record Rung(
            int rate,
            int sent,
            double achievedRate,
            int unanalysedAtEnd,
            int unanalysedAfterDrain,
            Percentiles analysis,
            Percentiles takeover,
            Percentiles offer,
            int askedForPerson,
            Percentiles hopDuring,
            double loadAverage,
            Map<String, Double> cpuMillisPerMessage) {

        boolean sustained() {
            return unanalysedAtEnd == 0 && analysis.p99() <= 1_000 && achievedRate >= 0.95 * rate;
        }

        /** So far beyond capacity that a higher rate can only be worse: the ladder stops here. */
        boolean clearlyUnsustainable() {
            return unanalysedAtEnd > sent / 10 || analysis.p50() > 5_000;
        }
    }

    Ladder(String bootstrapServers, Observer observer, RawHop hop, CpuTime cpu) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(properties);
        this.observer = observer;
        this.hop = hop;
        this.cpu = cpu;
    }

    /**
     * {@code rate} messages a second for {@code duration}. Each block of {@code rate} conversations sends its first
     * messages in one second, its second messages in the next and its last in the third, so a conversation's
     * messages are about a second apart, as a typing customer's are.
     */
    Rung run(String label, int rate, Duration duration) {
        int total = (int) (rate * duration.toSeconds());
        int block = Math.max(rate, 20);
        long firstConversation = nextConversation;
        List<Sent> sent = new ArrayList<>(total);
        CompletableFuture<List<Long>> hops = CompletableFuture.supplyAsync(
                () -> hop.measure((int) duration.toSeconds() * 10, Duration.ofMillis(100)));
        long period = 1_000_000_000L / rate;
        Map<String, Double> cpuBefore = cpu.seconds();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long early = due - System.nanoTime();
            if (early > 0) {
                LockSupport.parkNanos(early);
            }
            int inBlock = i % (block * Traffic.TURNS);
            long conversation = firstConversation + (long) (i / (block * Traffic.TURNS)) * block + inBlock % block;
            int turn = inBlock / block;
            sent.add(send(label, conversation, turn));
        }
        producer.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        nextConversation = firstConversation + ((long) total / (block * Traffic.TURNS) + 1) * block;

        waitUpTo(GRACE, () -> unanalysed(sent) == 0);
        int unanalysedAtEnd = unanalysed(sent);
        double load = LoadAverage.oneMinute();
        waitUpTo(DRAIN, () -> unanalysed(sent) == 0 && untakenOver(sent) == 0);
        // Until drained, so that a backlog's CPU counts for the messages that caused it.
        Map<String, Double> cpuPerMessage = CpuTime.millisPerMessage(cpuBefore, cpu.seconds(), total);
        List<Long> hopsDuring = hops.join();
        return measure(rate, sent, seconds, unanalysedAtEnd, hopsDuring, load, cpuPerMessage);
    }

    /** Sends {@code count} requests for a person at once, each in a new conversation. */
    List<Sent> burst(String label, int count) {
        List<Sent> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long conversation = nextConversation++;
            String conversationId = label + "-c" + conversation;
            sent.add(send(conversationId, conversationId + "-m0", Traffic.requestForPerson(conversation), true));
        }
        producer.flush();
        return sent;
    }

    private Sent send(String label, long conversation, int turn) {
        String conversationId = label + "-c" + conversation;
        return send(
                conversationId,
                conversationId + "-m" + turn,
                Traffic.text(conversation, turn),
                turn == 1 && Traffic.asksForPerson(conversation));
    }

    private Sent send(String conversationId, String messageId, String text, boolean asksForPerson) {
        long now = System.currentTimeMillis();
        byte[] json = Traffic.json(conversationId, messageId, text).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>("conversation.inbound", null, now, conversationId, json));
        return new Sent(messageId, conversationId, now, asksForPerson);
    }

    int unanalysed(List<Sent> sent) {
        return (int) sent.stream()
                .filter(message -> observer.analysedAt(message.messageId()) == null)
                .count();
    }

    private int untakenOver(List<Sent> sent) {
        return (int) sent.stream()
                .filter(Sent::asksForPerson)
                .filter(message -> observer.offeredAt(message.conversationId()) == null)
                .count();
    }

    private Rung measure(
            int rate,
            List<Sent> sent,
            double seconds,
            int unanalysedAtEnd,
            List<Long> hopsDuring,
            double load,
            Map<String, Double> cpuPerMessage) {
        List<Long> analysis = new ArrayList<>();
        for (Sent message : sent) {
            Long at = observer.analysedAt(message.messageId());
            if (at != null) {
                analysis.add(at - message.sentAt());
            }
        }
        List<Long> takeover = new ArrayList<>();
        List<Long> offer = new ArrayList<>();
        Map<String, List<Sent>> byConversation = new HashMap<>();
        sent.forEach(message -> byConversation
                .computeIfAbsent(message.conversationId(), id -> new ArrayList<>())
                .add(message));
        for (Map.Entry<String, List<Sent>> conversation : byConversation.entrySet()) {
            Long requested = observer.requestedAt(conversation.getKey());
            if (requested == null) {
                continue;
            }
            // The takeover answers the last message the customer had sent by then.
            Sent trigger = null;
            for (Sent message : conversation.getValue()) {
                if (message.sentAt() <= requested) {
                    trigger = message;
                }
            }
            if (trigger == null) {
                continue;
            }
            takeover.add(requested - trigger.sentAt());
            Long offered = observer.offeredAt(conversation.getKey());
            if (offered != null) {
                offer.add(offered - trigger.sentAt());
            }
        }
        return new Rung(
                rate,
                sent.size(),
                sent.size() / seconds,
                unanalysedAtEnd,
                unanalysed(sent),
                Percentiles.ofMillis(analysis),
                Percentiles.ofMillis(takeover),
                Percentiles.ofMillis(offer),
                (int) sent.stream().filter(Sent::asksForPerson).count(),
                Percentiles.ofNanos(hopsDuring),
                load,
                cpuPerMessage);
    }

    static boolean waitUpTo(Duration patience, BooleanSupplier condition) {
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
