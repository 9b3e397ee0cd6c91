package dev.takeover.handover.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.handover.policy.CurrentPolicy;
import dev.takeover.handover.policy.EscalationPolicy;
import dev.takeover.handover.policy.PolicyInput;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measures the policy on its own and the whole escalation path (broker, consumer, PostgreSQL, outbox, broker) and
 * writes {@code target/benchmark-report.md}. Not part of {@code verify}: run it with {@code -Pbenchmark}.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class EscalationBenchmark {

    private static final int CONVERSATIONS = Integer.getInteger("benchmark.conversations", 300);
    private static final int MESSAGES_EACH = Integer.getInteger("benchmark.messages", 5);
    private static final int DECISIONS = 200_000;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    CurrentPolicy policy;

    EscalationBenchmark(CurrentPolicy policy) {
        this.policy = policy;
    }

    @Test
    void measure() throws IOException {
        String policyLine = policyDecisions();
        String quietLines = quietLatency();
        String pathLines = escalationPath();
        String report = "# handover-service benchmark\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JVM "
                + System.getProperty("java.version") + ", embedded Kafka and PostgreSQL in the same JVM.\n\n"
                + policyLine + "\n" + quietLines + "\n" + pathLines;
        Files.writeString(Path.of("target/benchmark-report.md"), report);
        System.out.println(report);
    }

    private String policyDecisions() {
        EscalationPolicy current = policy.get();
        List<PolicyInput.Turn> turns = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            turns.add(new PolicyInput.Turn(
                    "m" + i,
                    Instant.now(),
                    "order_status",
                    0.8,
                    0.1 - i * 0.01,
                    0.2,
                    false,
                    i % 3 == 0,
                    false,
                    false,
                    "ANSWER"));
        }
        PolicyInput view = new PolicyInput(
                "c",
                "C-1",
                Map.of("tier", "gold"),
                turns,
                List.of(new PolicyInput.EarlierContact(
                        "c0", "returns", Instant.now().minusSeconds(3600))),
                null);
        int escalated = 0;
        for (int i = 0; i < DECISIONS / 4; i++) {
            escalated += current.decide(view).escalate() ? 1 : 0;
        }
        long start = System.nanoTime();
        for (int i = 0; i < DECISIONS; i++) {
            escalated += current.decide(view).escalate() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(escalated).isGreaterThanOrEqualTo(0);
        return String.format(
                Locale.ROOT,
                "## Policy alone\n\n%,d decisions on a 20-message conversation with all built-in rules: %.0f decisions/s"
                        + " (%.1f µs each).\n",
                DECISIONS,
                DECISIONS / seconds,
                seconds * 1e6 / DECISIONS);
    }

    /** One escalation at a time: the latency a customer sees when the service is not busy. */
    private String quietLatency() {
        int samples = 40;
        List<Long> latencies = new ArrayList<>();
        try (TopicRecorder handoverEvents = TopicRecorder.recording(kafka, "handover.events")) {
            for (int i = 0; i < samples; i++) {
                String conversation = "quiet-" + UUID.randomUUID();
                MessageAnalyzed analysis = new MessageAnalyzed(
                        conversation,
                        conversation + "/m1",
                        "en",
                        new Intent("human_request", 0.9),
                        new Sentiment(0.0, Sentiment.Label.NEUTRAL),
                        0.1,
                        true,
                        false);
                long sent = System.currentTimeMillis();
                kafka.produce(String.class, byte[].class)
                        .fromRecords(new ProducerRecord<>(
                                "bot.analysis",
                                null,
                                conversation,
                                EventCodec.toJson(analysis),
                                CloudEvent.create(MessageAnalyzed.TYPE, "/bench", conversation, Instant.now())
                                        .toHeaders()))
                        .awaitCompletion(Duration.ofSeconds(30));
                ConsumerRecord<String, byte[]> takeover = await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(5))
                        .until(
                                () -> handoverEvents.records(conversation).stream()
                                        .filter(r -> HandoverRequested.TYPE
                                                .name()
                                                .equals(TopicRecorder.header(r, CloudEvent.TYPE_HEADER)))
                                        .findFirst()
                                        .orElse(null),
                                found -> found != null);
                if (i >= 5) {
                    latencies.add(takeover.timestamp() - sent);
                }
            }
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        return String.format(
                Locale.ROOT,
                "## One escalation at a time\n\n%d escalations one after another (after 5 for warm-up): from producing the"
                        + " analysis to the takeover record on `handover.events` (broker timestamps): p50 %d ms, p95 %d"
                        + " ms, max %d ms.\n",
                sorted.size(),
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                sorted.get(sorted.size() - 1));
    }

    private String escalationPath() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> triggerSentAt = new HashMap<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            String conversation = "bench-" + run + "-" + c;
            for (int m = 0; m < MESSAGES_EACH; m++) {
                boolean last = m == MESSAGES_EACH - 1;
                String messageId = conversation + "/m" + m;
                InboundMessage inbound = new InboundMessage(
                        messageId,
                        conversation,
                        "webchat",
                        last ? "I want to talk to a human" : "Where is my order?",
                        "B-" + run + "-" + c,
                        "Erika",
                        "en",
                        null,
                        Map.of());
                records.add(new ProducerRecord<>(
                        "conversation.inbound", null, conversation, EventCodec.toJson(inbound), List.of()));
                MessageAnalyzed analysis = new MessageAnalyzed(
                        conversation,
                        messageId,
                        "en",
                        new Intent(last ? "human_request" : "order_status", 0.9),
                        new Sentiment(0.0, Sentiment.Label.NEUTRAL),
                        0.1,
                        last,
                        false);
                records.add(new ProducerRecord<>(
                        "bot.analysis",
                        null,
                        conversation,
                        EventCodec.toJson(analysis),
                        CloudEvent.create(MessageAnalyzed.TYPE, "/bench", conversation, Instant.now())
                                .toHeaders()));
            }
        }
        try (TopicRecorder takeovers = TopicRecorder.recording(kafka, "handover.events")) {
            long start = System.currentTimeMillis();
            kafka.produce(String.class, byte[].class).fromRecords(records).awaitCompletion(Duration.ofMinutes(5));
            long sent = System.currentTimeMillis();
            for (int c = 0; c < CONVERSATIONS; c++) {
                triggerSentAt.put("bench-" + run + "-" + c, sent);
            }
            List<Long> latencies = await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> latencies(takeovers, run, start), found -> found.size() == CONVERSATIONS);
            long end =
                    start + latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
            double seconds = (end - start) / 1000.0;
            List<Long> sorted = latencies.stream().sorted().toList();
            return String.format(
                    Locale.ROOT,
                    "## Escalation path\n\n%d conversations x %d messages (an inbound message and an analysis each,"
                            + " %,d records), the last message of each asking for a person, produced at once; one"
                            + " instance.\n\n"
                            + "- all records produced in %d ms;\n"
                            + "- every conversation escalated (one `handover.requested.v1` each) %.1f s after the first"
                            + " record: %.0f records/s processed end to end;\n"
                            + "- time from the start of the burst to each takeover record: p50 %d ms, p95 %d ms, max %d ms"
                            + " (the queue of the burst included).\n",
                    CONVERSATIONS,
                    MESSAGES_EACH,
                    records.size(),
                    sent - start,
                    seconds,
                    records.size() / seconds,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.95),
                    sorted.get(sorted.size() - 1));
        }
    }

    private static List<Long> latencies(TopicRecorder recorder, String run, long start) {
        List<Long> latencies = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            String conversation = "bench-" + run + "-" + c;
            for (ConsumerRecord<String, byte[]> record : recorder.records(conversation)) {
                if (HandoverRequested.TYPE.name().equals(TopicRecorder.header(record, CloudEvent.TYPE_HEADER))) {
                    latencies.add(record.timestamp() - start);
                }
            }
        }
        return latencies;
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
