package dev.takeover.delivery;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.common.delivery.Outbox;
import dev.takeover.common.delivery.OutboxRelay;
import dev.takeover.common.delivery.OutboxSlots;
import dev.takeover.events.CloudEvent;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measures publishing through the outbox beside a raw Kafka hop in the same run: idle latency from commit to the
 * record on the topic, the rate at which committed events are drained to the broker, and sustained publishing from
 * concurrent writers. Not part of the normal build: {@code ./mvnw -pl delivery-tests -am verify -Pbenchmark}.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OutboxBenchmark {

    private static final String TOPIC = "conversation.outbound";
    private static final int LATENCY_SAMPLES = Integer.getInteger("benchmark.latency-samples", 300);
    private static final int DRAIN_EVENTS = Integer.getInteger("benchmark.drain-events", 50_000);
    private static final int CONVERSATIONS = Integer.getInteger("benchmark.conversations", 500);
    private static final Duration SUSTAINED = Duration.ofSeconds(Long.getLong("benchmark.sustained-seconds", 10));
    private static final String TEXT = "Your order 4711-%d has left our warehouse and arrives on Thursday; "
            + "the parcel number is in the e-mail we sent you a minute ago.";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    final Outbox outbox;
    final OutboxRelay relay;
    final DataSource dataSource;
    final StringBuilder report = new StringBuilder();

    OutboxBenchmark(Outbox outbox, OutboxRelay relay, DataSource dataSource) {
        this.outbox = outbox;
        this.relay = relay;
        this.dataSource = dataSource;
    }

    @Test
    void publishing() throws Exception {
        report.append("# Outbox publishing benchmark\n\n")
                .append("Run ")
                .append(Instant.now())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, load average before the run ")
                .append(loadAverage())
                .append(
                        ". Broker, PostgreSQL and the relays in one JVM; the second instance is a second relay with its own")
                .append(" producer and connections (PeerInstance). Producer: ")
                .append(producerSettings())
                .append(", relay batch ")
                .append(ConfigProvider.getConfig().getValue("takeover.outbox.batch-size", Integer.class))
                .append(".\n\n");
        try (Arrivals arrivals = new Arrivals(bootstrapServers, TOPIC)) {
            Percentiles raw = rawHop(arrivals);
            double rawRate = rawThroughput(arrivals);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> relay.ownedSlots().size() == OutboxSlots.COUNT);
            Percentiles idleOne = idleLatency(arrivals, relay.ownedSlots());
            double drainOne = drain(arrivals);
            String sustainedOne = sustained(arrivals);
            PeerInstance peer = new PeerInstance("peer-b", jdbcUrl, bootstrapServers, TestDelivery.SETTINGS);
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> relay.ownedSlots().size() == OutboxSlots.COUNT / 2
                                && peer.relay.ownedSlots().size() == OutboxSlots.COUNT / 2);
                Percentiles idleHere = idleLatency(arrivals, relay.ownedSlots());
                Percentiles idleThere = idleLatency(arrivals, peer.relay.ownedSlots());
                double drainTwo = drain(arrivals, peer.relay);
                String sustainedTwo = sustained(arrivals);
                report.append("## Idle latency, one event at a time\n\n")
                        .append("| path | p50 / p99 / max (ms) | p50 ÷ raw hop |\n|---|---|---|\n")
                        .append(row("raw Kafka hop: send → consumer", raw, raw))
                        .append(row("one instance: commit → consumer", idleOne, raw))
                        .append(row("two instances, event in the committing instance's slot", idleHere, raw))
                        .append(row("two instances, event in the other instance's slot (NOTIFY)", idleThere, raw))
                        .append("\n## Drain: events committed at once → all on the topic\n\n")
                        .append(String.format(
                                "%,d events of %,d conversations in one transaction; order per conversation checked.%n%n",
                                DRAIN_EVENTS, CONVERSATIONS))
                        .append("| | events/s |\n|---|---|\n")
                        .append(String.format("| raw producer, same settings, no database | %,.0f |%n", rawRate))
                        .append(String.format("| one instance | %,.0f |%n", drainOne))
                        .append(String.format("| two instances | %,.0f |%n%n", drainTwo))
                        .append("## Sustained: 4 writers, two events per transaction, as fast as they can\n\n")
                        .append("- one instance: ")
                        .append(sustainedOne)
                        .append("\n- two instances: ")
                        .append(sustainedTwo)
                        .append("\n\n");
            } finally {
                peer.stop();
            }
        }
        report.append("Load average after the run ").append(loadAverage()).append(".\n");
        Path file = Path.of("target", "benchmark-report.md");
        Files.writeString(file, report);
        System.out.println(report);
    }

    private static String row(String path, Percentiles latency, Percentiles raw) {
        return String.format(
                "| %s | %.2f / %.2f / %.2f | %.1f |%n",
                path, latency.p50(), latency.p99(), latency.max(), latency.p50Ratio(raw));
    }

    private static String producerSettings() {
        Map<String, Object> settings = PeerInstance.outboxProducerSettings("-");
        return List.of("linger.ms", "batch.size", "compression.type", "max.in.flight.requests.per.connection").stream()
                .map(name -> name + "=" + settings.getOrDefault(name, "default"))
                .collect(Collectors.joining(", "));
    }

    /** The same producer settings as the relays, straight to the broker: the ceiling the relays work under. */
    private double rawThroughput(Arrivals arrivals) throws Exception {
        int before = arrivals.count();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                PeerInstance.outboxProducerSettings(bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer())) {
            byte[] value = payload(0);
            long start = System.nanoTime();
            List<Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < DRAIN_EVENTS; i++) {
                acks.add(producer.send(new ProducerRecord<>(TOPIC, "raw-rate-" + (i % CONVERSATIONS), value)));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofMinutes(2)).until(() -> arrivals.count() - before >= DRAIN_EVENTS);
            return DRAIN_EVENTS / seconds;
        }
    }

    private Percentiles rawHop(Arrivals arrivals) {
        List<Long> samples = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, "0"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < LATENCY_SAMPLES + 50; i++) {
                String id = UUID.randomUUID().toString();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, "raw-" + i, payload(i));
                record.headers().add(CloudEvent.ID_HEADER, id.getBytes());
                long sent = System.nanoTime();
                producer.send(record);
                await().atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> arrivals.arrivedAt(id) != null);
                if (i >= 50) {
                    samples.add(arrivals.arrivedAt(id) - sent);
                }
            }
        }
        return Percentiles.of(samples);
    }

    private Percentiles idleLatency(Arrivals arrivals, Set<Integer> slots) {
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < LATENCY_SAMPLES + 50; i++) {
            int n = i;
            String conversation = PublishingTest.conversationIn(slots, "idle-");
            UUID id = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.publish(MessageSent.TYPE, message(conversation, n)));
            long committed = System.nanoTime();
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> arrivals.arrivedAt(id.toString()) != null);
            if (i >= 50) {
                samples.add(arrivals.arrivedAt(id.toString()) - committed);
            }
        }
        return Percentiles.of(samples);
    }

    /** Events committed at once in one transaction; the relays drain them. Per-key order is checked. */
    private double drain(Arrivals arrivals, OutboxRelay... others) throws SQLException {
        int before = arrivals.count();
        String run = "drain-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into outbox_event (event_id, event_type, topic, record_key, source, occurred_at, payload)
                        select gen_random_uuid(), 'conversation.message-sent.v1', ?, ? || (i % ?), '/benchmark', now(),
                               convert_to(format('{"seq":%s,"text":"%s"}', i, repeat('x', 200)), 'UTF8')
                        from generate_series(1, ?) i
                        """)) {
            insert.setString(1, TOPIC);
            insert.setString(2, run);
            insert.setInt(3, CONVERSATIONS);
            insert.setInt(4, DRAIN_EVENTS);
            insert.executeUpdate();
        }
        long committed = System.nanoTime();
        // Rows written with plain SQL wake nobody, and the test profile's poll is an hour away.
        relay.wakeUp();
        for (OutboxRelay other : others) {
            other.wakeUp();
        }
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> arrivals.count() - before >= DRAIN_EVENTS);
        long drained = arrivals.all().stream()
                .filter(arrival -> arrival.key().startsWith(run))
                .mapToLong(Arrivals.Arrival::arrivedAt)
                .max()
                .orElseThrow();
        double seconds = (drained - committed) / 1e9;
        assertThat(inOrderPerKey(arrivals, run)).isTrue();
        return DRAIN_EVENTS / seconds;
    }

    /** Concurrent writers publishing through the outbox, two events per transaction, as fast as they can. */
    private String sustained(Arrivals arrivals) throws Exception {
        int writers = 4;
        ConcurrentLinkedQueue<long[]> commits = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<UUID> ids = new ConcurrentLinkedQueue<>();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        long end = start + SUSTAINED.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    int n = sequence.incrementAndGet();
                    String conversation = "sustained-" + (n % CONVERSATIONS);
                    List<UUID> published = QuarkusTransaction.requiringNew()
                            .call(() -> List.of(
                                    outbox.publish(MessageSent.TYPE, message(conversation, n)),
                                    outbox.publish(MessageSent.TYPE, message(conversation, n))));
                    long committed = System.nanoTime();
                    ids.addAll(published);
                    published.forEach(id -> commits.add(
                            new long[] {id.getMostSignificantBits(), id.getLeastSignificantBits(), committed}));
                }
            }));
        }
        for (Future<?> writer : running) {
            writer.get();
        }
        pool.shutdown();
        long written = System.nanoTime();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> ids.stream().allMatch(id -> arrivals.arrivedAt(id.toString()) != null));
        List<Long> latencies = new ArrayList<>();
        long last = 0;
        for (long[] commit : commits) {
            long arrived = arrivals.arrivedAt(new UUID(commit[0], commit[1]).toString());
            latencies.add(arrived - commit[2]);
            last = Math.max(last, arrived);
        }
        double seconds = (last - start) / 1e9;
        return String.format(
                "%,d events committed in %d s (%,.0f/s while writing), all on the topic %.2f s after the start: "
                        + "%,.0f events/s end to end; commit → consumer %s.",
                ids.size(),
                SUSTAINED.toSeconds(),
                ids.size() / ((written - start) / 1e9),
                seconds,
                ids.size() / seconds,
                Percentiles.of(latencies).describe());
    }

    private static boolean inOrderPerKey(Arrivals arrivals, String run) {
        for (List<Arrivals.Arrival> perKey : arrivals.byKey(run).values()) {
            long previous = -1;
            for (Arrivals.Arrival arrival : perKey) {
                String text = arrival.text();
                long seq = Long.parseLong(text.substring(text.indexOf(':') + 1, text.indexOf(',')));
                if (seq <= previous) {
                    return false;
                }
                previous = seq;
            }
        }
        return true;
    }

    private static MessageSent message(String conversation, int n) {
        return new MessageSent(
                UUID.randomUUID().toString(),
                conversation,
                "web",
                new Sender(Sender.Type.BOT, "bot", "Bot"),
                String.format(TEXT, n),
                Instant.now(),
                "ANSWER");
    }

    private static byte[] payload(int n) {
        return dev.takeover.events.EventCodec.toJson(message("raw", n));
    }

    static String loadAverage() {
        return String.format(
                "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
