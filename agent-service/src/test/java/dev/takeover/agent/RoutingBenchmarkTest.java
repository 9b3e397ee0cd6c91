package dev.takeover.agent;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Time from {@code handover.requested.v1} to {@code agent.conversation-assigned.v1} with 50 agents and 1,000 queued
 * conversations, measured between the two records' broker timestamps (so it includes consuming, the routing
 * transaction, the outbox relay and the send). Auto-accept, so assignment is the routing decision itself. Runs only
 * with {@code -Pbenchmark}; writes {@code benchmarks/routing-latency.md}.
 */
@QuarkusTest
@TestProfile(AutoAccept.class)
@QuarkusTestResource(RealInfrastructure.class)
@Tag("benchmark")
class RoutingBenchmarkTest {

    private static final int AGENTS = 50;
    private static final int QUEUED = 1000;
    private static final Duration LONG_PATIENCE = Duration.ofMinutes(10);
    private static final List<String> REPORT = new ArrayList<>();

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    @Test
    void aBurstOfAThousandRequestsForFiftyAgents() {
        Fixture fixture = new Fixture(kafka, tokens);
        List<String> agents = onlineAgents(fixture, 20);
        try (ConsumerTask<String, byte[]> records = recordAll()) {
            List<HandoverRequested> requests = new ArrayList<>();
            List<ProducerRecord<String, byte[]>> produced = new ArrayList<>();
            for (int i = 0; i < QUEUED; i++) {
                HandoverRequested request =
                        fixture.request(Fixture.conversation(), Priority.values()[i % 4], null, "en", Instant.now());
                requests.add(request);
                produced.add(ContractRecords.record(HandoverRequested.TYPE, request));
            }
            Instant start = Instant.now();
            fixture.produceAll(produced);

            List<Long> latencies = awaitLatencies(records, requests);
            Duration elapsed = Duration.between(start, Instant.now());
            REPORT.add(section(
                    "Burst: 1,000 requests at once, 50 agents × capacity 20",
                    "All 1,000 `handover.requested.v1` produced in one batch over 4 partitions; the queue momentarily"
                            + " holds up to 1,000 conversations. Every conversation is assigned.",
                    latencies,
                    elapsed));
        }
        away(fixture, agents);
    }

    @Test
    void steadyRequestsWhileAThousandConversationsWait() {
        Fixture fixture = new Fixture(kafka, tokens);
        List<String> agents = onlineAgents(fixture, 10);
        try (ConsumerTask<String, byte[]> records = recordAll()) {
            // A thousand conversations nobody online can take (no agent speaks the language) stay in the queue:
            // every routing pass and every queue-position run reads all of them.
            List<ProducerRecord<String, byte[]>> backlog = new ArrayList<>();
            List<String> backlogHandovers = new ArrayList<>();
            for (int i = 0; i < QUEUED; i++) {
                HandoverRequested request =
                        fixture.request(Fixture.conversation(), Priority.values()[i % 4], null, "fr", Instant.now());
                backlogHandovers.add(request.handoverId());
                backlog.add(ContractRecords.record(HandoverRequested.TYPE, request));
            }
            fixture.produceAll(backlog);
            await().atMost(LONG_PATIENCE)
                    .until(() -> waitingCount(backlogHandovers.get(backlogHandovers.size() - 1)) == QUEUED);

            int measured = 300;
            List<HandoverRequested> requests = new ArrayList<>();
            for (int i = 0; i < measured; i++) {
                requests.add(
                        fixture.request(Fixture.conversation(), Priority.values()[i % 4], null, "en", Instant.now()));
            }
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger next = new AtomicInteger();
            Instant start = Instant.now();
            pacer.scheduleAtFixedRate(
                    () -> {
                        int index = next.getAndIncrement();
                        if (index < measured) {
                            fixture.publish(requests.get(index));
                        }
                    },
                    0,
                    25,
                    TimeUnit.MILLISECONDS);
            try {
                List<Long> latencies = awaitLatencies(records, requests);
                Duration elapsed = Duration.between(start, Instant.now());
                REPORT.add(section(
                        "Steady: 40 requests/s while 1,000 conversations wait, 50 agents × capacity 10",
                        "1,000 conversations stay queued (a language no agent online speaks), so each routing pass"
                                + " and each queue-position run reads the whole queue; 300 requests that can be"
                                + " served are then produced one every 25 ms.",
                        latencies,
                        elapsed));
            } finally {
                pacer.shutdownNow();
            }
        }
        away(fixture, agents);
    }

    @AfterAll
    static void writeReport() throws IOException {
        StringBuilder report = new StringBuilder()
                .append("# agent-service routing latency\n\n")
                .append("Time from `handover.requested.v1` to `agent.conversation-assigned.v1`, measured between the ")
                .append("two records' broker timestamps: consuming the request, the routing transaction under the ")
                .append("routing lock, the outbox relay and the send. Auto-accept, so assignment is the routing ")
                .append("decision itself. One service instance, embedded KRaft broker and PostgreSQL in the same JVM, ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores. Reproduce with `./mvnw -pl agent-service -am verify -Pbenchmark`.\n\n")
                .append("Run at ")
                .append(Instant.now())
                .append(".\n");
        REPORT.forEach(report::append);
        Files.writeString(Path.of("benchmarks/routing-latency.md"), report.toString());
    }

    private static String section(String title, String setup, List<Long> latencies, Duration elapsed) {
        List<Long> sorted = latencies.stream().sorted().toList();
        return String.format(
                Locale.ROOT,
                """

                ## %s

                %s

                | conversations | p50 | p90 | p99 | max | all assigned within |
                |---|---|---|---|---|---|
                | %d | %d ms | %d ms | %d ms | %d ms | %.1f s |
                """,
                title,
                setup,
                sorted.size(),
                percentile(sorted, 50),
                percentile(sorted, 90),
                percentile(sorted, 99),
                sorted.get(sorted.size() - 1),
                elapsed.toMillis() / 1000.0);
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private List<String> onlineAgents(Fixture fixture, int capacity) {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String agent = fixture.register("en", capacity, List.of());
            fixture.presence(agent, Presence.ONLINE);
            agents.add(agent);
        }
        return agents;
    }

    /** Away: they keep what they hold, and the next scenario sees only its own fifty agents online. */
    private static void away(Fixture fixture, List<String> agents) {
        agents.forEach(agent -> fixture.presence(agent, Presence.AWAY));
    }

    private ConsumerTask<String, byte[]> recordAll() {
        return kafka.consume(String.class, byte[].class)
                .withGroupId("benchmark-" + UUID.randomUUID())
                .withOffsetReset("latest")
                .fromTopics("handover.events", "agent.events");
    }

    private static List<Long> awaitLatencies(ConsumerTask<String, byte[]> records, List<HandoverRequested> requests) {
        Map<String, String> conversations = new HashMap<>();
        requests.forEach(request -> conversations.put(request.conversationId(), request.handoverId()));
        Map<String, Long> requested = new HashMap<>();
        Map<String, Long> assigned = new HashMap<>();
        await().atMost(LONG_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : records.getRecords()) {
                if (!conversations.containsKey(record.key())) {
                    continue;
                }
                String type = TopicRecorder.header(record, CloudEvent.TYPE_HEADER);
                if (HandoverRequested.TYPE.name().equals(type)) {
                    requested.putIfAbsent(record.key(), record.timestamp());
                } else if (ConversationAssigned.TYPE.name().equals(type)) {
                    assigned.putIfAbsent(record.key(), record.timestamp());
                }
            }
            return assigned.size() == conversations.size() && requested.size() == conversations.size();
        });
        List<Long> latencies = new ArrayList<>();
        conversations
                .keySet()
                .forEach(conversation -> latencies.add(assigned.get(conversation) - requested.get(conversation)));
        assertThat(latencies).allMatch(latency -> latency >= 0);
        return latencies;
    }

    private static long waitingCount(String lastHandover) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Takeover last = Takeover.findById(lastHandover);
            return last == null ? 0L : Takeover.count("state = ?1 and language = ?2", TakeoverState.WAITING, "fr");
        });
    }
}
