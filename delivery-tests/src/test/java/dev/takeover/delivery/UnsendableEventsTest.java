package dev.takeover.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.common.delivery.OutboxRelay;
import dev.takeover.common.delivery.OutboxSlots;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static dev.takeover.delivery.PublishingTest.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events that cannot be sent never hold back the ones behind them, and a failure never makes the relay send again
 * what the broker already acknowledged. The rows are written straight into the outbox, as an older release or a
 * bigger limit might have left them, since {@code Outbox.publish} refuses what the producer would.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class UnsendableEventsTest {

    /** A topic whose records may be at most 4 KiB, so the broker itself refuses a larger one. */
    static final String SMALL_RECORDS = "test.small-records";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    final OutboxRelay relay;
    final DataSource dataSource;
    Arrivals arrivals;
    PeerInstance peer;

    UnsendableEventsTest(OutboxRelay relay, DataSource dataSource) {
        this.relay = relay;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void start() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(
                            new NewTopic(SMALL_RECORDS, 4, (short) 1).configs(Map.of("max.message.bytes", "4096"))))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        await().atMost(PATIENCE).until(() -> relay.ownedSlots().size() == OutboxSlots.COUNT);
        arrivals = new Arrivals(bootstrapServers, SMALL_RECORDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (peer != null) {
            peer.stop();
        }
        arrivals.close();
    }

    @Test
    void eventsTheBrokerOrTheProducerRefuseAreSetAsideAndTheEventsBehindThemGoOut() throws Exception {
        String conversation = "refused-" + UUID.randomUUID();
        long setAsideBefore = relay.setAsideCount();
        UUID before = UUID.randomUUID();
        UUID refusedByBroker = UUID.randomUUID();
        UUID refusedByProducer = UUID.randomUUID();
        List<UUID> behind = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, before, conversation, "small".getBytes(StandardCharsets.UTF_8));
            insert(connection, refusedByBroker, conversation, new byte[10_000]);
            insert(connection, refusedByProducer, conversation, new byte[2_000_000]);
            for (UUID id : behind) {
                insert(connection, id, conversation, "small".getBytes(StandardCharsets.UTF_8));
            }
            connection.commit();
        }
        relay.wakeUp();

        await().atMost(PATIENCE).until(() -> deadLetters(conversation).size() == 2);
        List<UUID> delivered = new ArrayList<>(List.of(before));
        delivered.addAll(behind);
        awaitArrived(delivered);
        assertThat(deadLetters(conversation))
                .containsEntry(refusedByBroker, "RecordTooLargeException")
                .containsEntry(refusedByProducer, "RecordTooLargeException");
        assertThat(count("select count(*) from outbox_event where record_key = '" + conversation + "'"))
                .isZero();
        assertThat(relay.setAsideCount() - setAsideBefore).isEqualTo(2);

        // Later batches run, and nothing that was acknowledged, or set aside, is sent again.
        UUID marker = UUID.randomUUID();
        insertCommitted(marker, conversation);
        relay.wakeUp();
        awaitArrived(List.of(marker));
        assertThat(arrivals.all().stream()
                        .filter(arrival -> conversation.equals(arrival.key()))
                        .map(Arrivals.Arrival::eventId))
                .containsExactly(
                        before.toString(),
                        behind.get(0).toString(),
                        behind.get(1).toString(),
                        behind.get(2).toString(),
                        marker.toString());
    }

    @Test
    void aRetriableFailureSendsAgainOnlyTheEventThatFailed() throws Exception {
        FlakyProducer[] flaky = new FlakyProducer[1];
        peer = new PeerInstance("peer-flaky", jdbcUrl, bootstrapServers, TestDelivery.SETTINGS, producer -> {
            flaky[0] = new FlakyProducer(producer);
            return flaky[0];
        });
        await().atMost(PATIENCE).until(() -> peer.relay.ownedSlots().size() == OutboxSlots.COUNT / 2);
        Set<Integer> peerSlots = peer.relay.ownedSlots();
        UUID failsOnce = UUID.randomUUID();
        List<UUID> neighbours = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        flaky[0].failFirstSendOf(failsOnce.toString());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, failsOnce, PublishingTest.conversationIn(peerSlots, "flaky-"), new byte[10]);
            for (UUID id : neighbours) {
                insert(connection, id, PublishingTest.conversationIn(peerSlots, "flaky-"), new byte[10]);
            }
            connection.commit();
        }
        peer.relay.wakeUp();

        List<UUID> all = new ArrayList<>(neighbours);
        all.add(failsOnce);
        awaitArrived(all);
        assertThat(flaky[0].sends(failsOnce.toString())).isEqualTo(2);
        for (UUID neighbour : neighbours) {
            assertThat(flaky[0].sends(neighbour.toString())).isEqualTo(1);
        }
        assertThat(arrivals.all().stream()
                        .map(Arrivals.Arrival::eventId)
                        .filter(id -> all.contains(UUID.fromString(id))))
                .hasSize(all.size())
                .doesNotHaveDuplicates();
    }

    private void awaitArrived(List<UUID> ids) {
        await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> arrivals.arrivedAt(id.toString()) != null));
    }

    private void insertCommitted(UUID id, String conversation) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, id, conversation, "small".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void insert(Connection connection, UUID id, String conversation, byte[] payload)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (event_id, event_type, topic, record_key, source, occurred_at, payload)
                values (?, 'test.event.v1', ?, ?, '/delivery-tests', ?, ?)
                """)) {
            insert.setObject(1, id);
            insert.setString(2, SMALL_RECORDS);
            insert.setString(3, conversation);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.setBytes(5, payload);
            insert.executeUpdate();
        }
    }

    /** Event id to the exception named at the start of its reason. */
    private Map<UUID, String> deadLetters(String conversation) throws SQLException {
        Map<UUID, String> reasons = new java.util.HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select event_id, reason from outbox_dead_letter where record_key = ?")) {
            select.setString(1, conversation);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String reason = rows.getString("reason");
                    reasons.put(rows.getObject("event_id", UUID.class), reason.substring(0, reason.indexOf(':')));
                }
            }
        }
        return reasons;
    }

    private long count(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
