package dev.takeover.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.common.delivery.EventTooLargeException;
import dev.takeover.common.delivery.Outbox;
import dev.takeover.common.delivery.OutboxRelay;
import dev.takeover.common.delivery.OutboxSlots;
import dev.takeover.common.domain.Refused;
import dev.takeover.events.EventCodec;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Publishing with the service under test and peers beside it on the same database and broker, as several instances
 * of one service run: slots shared and taken over, commits waking whichever relay owns their events, order per
 * conversation, and events the broker refuses set aside without holding back the rest.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PublishingTest {

    static final String TOPIC = "conversation.outbound";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    final Outbox outbox;
    final OutboxRelay relay;
    final DataSource dataSource;
    final List<PeerInstance> peers = new ArrayList<>();
    Arrivals arrivals;

    PublishingTest(Outbox outbox, OutboxRelay relay, DataSource dataSource) {
        this.outbox = outbox;
        this.relay = relay;
        this.dataSource = dataSource;
    }

    @BeforeEach
    void aloneWithAnEmptyOutbox() {
        await().atMost(PATIENCE).until(() -> relay.ownedSlots().size() == OutboxSlots.COUNT);
        arrivals = new Arrivals(bootstrapServers, TOPIC);
    }

    @AfterEach
    void stopPeers() throws Exception {
        for (PeerInstance peer : peers) {
            peer.stop();
        }
        arrivals.close();
    }

    @Test
    void twoInstancesShareTheSlotsAndBothPublish() {
        PeerInstance peer = peer("peer-b");
        awaitEvenSplit(peer);
        long sentHere = relay.sentCount();

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(publish("shared-" + i, 1));
        }

        awaitArrived(ids);
        // A relay counts an event once it has settled its batch, a moment after the consumer may have seen it.
        await().atMost(PATIENCE).until(() -> relay.sentCount() - sentHere + peer.relay.sentCount() == ids.size());
        assertThat(relay.sentCount() - sentHere).isPositive();
        assertThat(peer.relay.sentCount()).isPositive();
    }

    @Test
    void eachConversationStaysInCommitOrderWithTwoRelaysAndConcurrentWriters() throws Exception {
        PeerInstance peer = peer("peer-b");
        awaitEvenSplit(peer);
        createConversationTable();
        String run = "ordered-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Callable<UUID>> writes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String conversation = run + (i % 20);
            // As a service does: the conversation is locked before anything is published about it, so its writers
            // take their outbox ids one after the other, in the order they commit.
            writes.add(() -> QuarkusTransaction.requiringNew()
                    .call(() -> outbox.publish(MessageSent.TYPE, message(conversation, lockAndCount(conversation)))));
        }
        List<UUID> ids = new ArrayList<>();
        for (Future<UUID> written : writers.invokeAll(writes)) {
            ids.add(written.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
        writers.shutdown();

        awaitArrived(ids);
        Map<String, List<Integer>> sequences = firstArrivalSequences(run);
        assertThat(sequences).hasSize(20);
        sequences
                .values()
                .forEach(sequence -> assertThat(sequence)
                        .containsExactlyElementsOf(
                                IntStream.rangeClosed(1, 20).boxed().toList()));
        await().atMost(PATIENCE).until(() -> peer.relay.sentCount() > 0);
    }

    @Test
    void aCommitHereWakesTheRelayOfTheInstanceThatOwnsTheEvent() {
        PeerInstance peer = peer("peer-b");
        awaitEvenSplit(peer);
        String conversation = conversationIn(peer.relay.ownedSlots(), "woken-");

        UUID id = publish(conversation, 1);

        // The poll is an hour away: only the commit's notification can have started the peer's batch.
        awaitArrived(List.of(id));
        await().atMost(PATIENCE).until(() -> peer.relay.sentCount() == 1);
    }

    @Test
    void aStoppedInstancesSlotsAreTakenOver() throws Exception {
        PeerInstance peer = peer("peer-b");
        awaitEvenSplit(peer);
        Set<Integer> itsSlots = Set.copyOf(peer.relay.ownedSlots());

        peer.stop();

        await().atMost(PATIENCE).until(() -> relay.ownedSlots().containsAll(itsSlots));
        awaitArrived(List.of(publish(conversationIn(itsSlots, "after-stop-"), 1)));
    }

    @Test
    void aCrashedInstancesSlotsAreTakenOverWithTheEventsItLeft() throws Exception {
        PeerInstance peer = peer("peer-b");
        awaitEvenSplit(peer);
        Set<Integer> itsSlots = Set.copyOf(peer.relay.ownedSlots());
        String conversation = conversationIn(itsSlots, "after-crash-");

        peer.crash(dataSource);
        UUID leftBehind = publish(conversation, 1);

        await().atMost(PATIENCE).until(() -> relay.ownedSlots().size() == OutboxSlots.COUNT);
        UUID afterTakeover = publish(conversation, 2);
        awaitArrived(List.of(leftBehind, afterTakeover));
        assertThat(firstArrivalSequences(conversation).get(conversation)).containsExactly(1, 2);
    }

    @Test
    void theOutboxRefusesAnEventTheBrokerWouldNeverTake() throws SQLException {
        String conversation = "huge-" + UUID.randomUUID();
        MessageSent huge = new MessageSent(
                "m1",
                conversation,
                "web",
                new Sender(Sender.Type.AGENT, "anna", "Anna"),
                "x".repeat(2_000_000),
                Instant.now(),
                "AGENT_REPLY");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.publish(MessageSent.TYPE, huge)))
                .isInstanceOf(EventTooLargeException.class)
                .hasMessageContaining("conversation.message-sent.v1")
                .hasMessageNotContaining("xxx")
                .satisfies(
                        e -> assertThat(((EventTooLargeException) e).reason()).isEqualTo(Refused.Reason.TOO_LARGE));
        assertThat(count("select count(*) from outbox_event where record_key = '" + conversation + "'"))
                .isZero();
    }

    @Test
    void theDatabaseGivesEachRowTheSlotTheWriterComputes() throws SQLException {
        List<String> keys = IntStream.range(0, 500)
                .mapToObj(i -> "conversation-" + UUID.randomUUID())
                .toList();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into outbox_event (event_id, event_type, topic, record_key, source, occurred_at, payload)
                        select gen_random_uuid(), 'test.event.v1', 'unused', k, '/test', now(), '\\x00'::bytea
                        from unnest(?) as k
                        returning record_key, slot
                        """)) {
            // Never committed, so no relay ever sees these rows.
            connection.setAutoCommit(false);
            insert.setArray(1, connection.createArrayOf("text", keys.toArray()));
            int checked = 0;
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getInt("slot")).isEqualTo(OutboxSlots.of(rows.getString("record_key")));
                    checked++;
                }
            }
            connection.rollback();
            assertThat(checked).isEqualTo(keys.size());
        }
    }

    private PeerInstance peer(String name) {
        PeerInstance peer = new PeerInstance(name, jdbcUrl, bootstrapServers, TestDelivery.SETTINGS);
        peers.add(peer);
        return peer;
    }

    private void awaitEvenSplit(PeerInstance peer) {
        int half = OutboxSlots.COUNT / 2;
        await().atMost(PATIENCE)
                .until(() -> relay.ownedSlots().size() == half
                        && peer.relay.ownedSlots().size() == half);
        Set<Integer> both = new HashSet<>(relay.ownedSlots());
        both.addAll(peer.relay.ownedSlots());
        assertThat(both).hasSize(OutboxSlots.COUNT);
    }

    UUID publish(String conversation, int seq) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(MessageSent.TYPE, message(conversation, seq)));
    }

    void awaitArrived(List<UUID> ids) {
        await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> arrivals.arrivedAt(id.toString()) != null));
    }

    /** Per conversation, the sequence numbers of its events in the order each event first arrived. */
    Map<String, List<Integer>> firstArrivalSequences(String keyPrefix) {
        Map<String, List<Integer>> sequences = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Arrivals.Arrival arrival : arrivals.all()) {
            if (arrival.key() != null && arrival.key().startsWith(keyPrefix) && seen.add(arrival.eventId())) {
                MessageSent event = EventCodec.fromJson(arrival.value(), MessageSent.class);
                sequences
                        .computeIfAbsent(arrival.key(), key -> new ArrayList<>())
                        .add(Integer.parseInt(event.text().substring("seq ".length())));
            }
        }
        return sequences;
    }

    static String conversationIn(Set<Integer> slots, String prefix) {
        for (int i = 0; ; i++) {
            String conversation = prefix + UUID.randomUUID();
            if (slots.contains(OutboxSlots.of(conversation))) {
                return conversation;
            }
        }
    }

    static MessageSent message(String conversation, int seq) {
        return new MessageSent(
                UUID.randomUUID().toString(),
                conversation,
                "web",
                new Sender(Sender.Type.BOT, "bot", "Bot"),
                "seq " + seq,
                Instant.now(),
                "ANSWER");
    }

    private void createConversationTable() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement create = connection.createStatement()) {
            create.execute("create table if not exists test_conversation (id text primary key, events int not null)");
        }
    }

    /** The conversation's row lock, held to the end of the transaction, and its number of events so far plus one. */
    private int lockAndCount(String conversation) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("""
                        insert into test_conversation values (?, 1)
                        on conflict (id) do update set events = test_conversation.events + 1 returning events
                        """)) {
            count.setString(1, conversation);
            try (ResultSet events = count.executeQuery()) {
                events.next();
                return events.getInt(1);
            }
        }
    }

    long count(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
