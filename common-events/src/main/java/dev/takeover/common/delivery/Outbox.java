package dev.takeover.common.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.takeover.common.tracing.Tracing;
import dev.takeover.events.CloudEvent;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.EventType;

/**
 * Publishes an event as part of the transaction that made the change it reports: the event is stored with the change
 * and {@link OutboxRelay} sends it once the transaction has committed, so no change goes unannounced and no event
 * announces a change that was rolled back.
 *
 * <p>The commit wakes the relay that owns the event's slot: this instance's directly, another instance's through a
 * PostgreSQL notification, which is delivered only if the transaction commits.
 *
 * <p>Each event keeps the trace context it was written in ({@link Tracing}), and its record carries it on.
 *
 * <p>Events of one conversation are sent in the order of their ids, which is their commit order as long as writers of
 * one conversation are serialised (each service locks the conversation before it publishes about it): a transaction
 * that waited for the lock takes its ids after the other committed.
 */
@ApplicationScoped
public class Outbox {

    static final String WAKE_UP_CHANNEL = "takeover_outbox";
    private static final String INSERT = """
            insert into outbox_event
                (event_id, event_type, topic, record_key, source, occurred_at, payload, traceparent)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_AND_NOTIFY = """
            insert into outbox_event
                (event_id, event_type, topic, record_key, source, occurred_at, payload, traceparent)
            select ?::uuid, ?, ?, ?, ?, ?::timestamptz, ?::bytea, ? from (select pg_notify('%s', ?)) as wake_up
            """.formatted(WAKE_UP_CHANNEL);
    /** A record's framing (batch header, lengths, attributes) is well under this; the rest is headroom for headers. */
    private static final int RECORD_OVERHEAD = 512;
    /** The traceparent header: its name and the 55 characters of a version-00 value. */
    private static final int TRACEPARENT_SIZE = Tracing.TRACEPARENT.length() + 55;

    private static final Object WAKE_UP_REGISTERED = new Object();

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final TopicNames topics;
    private final Event<Published> published;
    private final Tracing tracing;
    private final String source;
    private final int maxRecordSize;
    private final Clock clock;

    Outbox(
            DataSource dataSource,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            TopicNames topics,
            Event<Published> published,
            Clock clock,
            Tracing tracing,
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "mp.messaging.outgoing.outbox.max.request.size", defaultValue = "1048576")
                    int maxRequestSize) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.topics = topics;
        this.published = published;
        this.tracing = tracing;
        this.source = "/" + serviceName;
        this.maxRecordSize = maxRequestSize;
        this.clock = clock;
    }

    /**
     * Returns the event's {@code ce_id}.
     *
     * @throws EventTooLargeException if the event is larger than the producer's {@code max.request.size}: the broker
     *     would never take it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends ConversationEvent> UUID publish(EventType<T> type, T event) {
        CloudEvent ce = CloudEvent.create(type, source, event.conversationId(), clock.instant());
        byte[] payload = EventCodec.toJson(event);
        int size = recordSize(ce, payload);
        if (size > maxRecordSize) {
            throw new EventTooLargeException(type.name(), size, maxRecordSize);
        }
        int slot = OutboxSlots.of(ce.subject());
        boolean relayedHere = relay.owns(slot);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(relayedHere ? INSERT : INSERT_AND_NOTIFY)) {
            insert.setObject(1, ce.id());
            insert.setString(2, ce.type());
            insert.setString(3, topics.of(type.topic()));
            insert.setString(4, ce.subject());
            insert.setString(5, ce.source());
            insert.setTimestamp(6, Timestamp.from(ce.time()));
            insert.setBytes(7, payload);
            insert.setString(8, tracing.currentOrNew(type.name()));
            if (!relayedHere) {
                insert.setString(9, Integer.toString(slot));
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + type + " in the outbox", e);
        }
        if (relayedHere) {
            wakeRelayAfterCommit();
        }
        published.fire(new Published(type, event));
        return ce.id();
    }

    /** An upper bound of the record's size as the producer counts it against {@code max.request.size}. */
    static int recordSize(CloudEvent ce, byte[] payload) {
        int size = RECORD_OVERHEAD
                + TRACEPARENT_SIZE
                + payload.length
                + ce.subject().getBytes(StandardCharsets.UTF_8).length;
        for (Header header : ce.toHeaders()) {
            size += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
        }
        return size;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_UP_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
