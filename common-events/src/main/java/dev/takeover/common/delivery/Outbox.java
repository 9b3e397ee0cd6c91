package dev.takeover.common.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.EventType;

/**
 * Publishes an event as part of the transaction that made the change it reports: the event is stored with the change
 * and {@link OutboxRelay} sends it once the transaction has committed, so no change goes unannounced and no event
 * announces a change that was rolled back.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (event_id, event_type, topic, record_key, source, occurred_at, payload)
            values (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final Object WAKE_UP_REGISTERED = new Object();

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final TopicNames topics;
    private final String source;

    Outbox(
            DataSource dataSource,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            TopicNames topics,
            @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.topics = topics;
        this.source = "/" + serviceName;
    }

    /** Returns the event's {@code ce_id}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends ConversationEvent> UUID publish(EventType<T> type, T event) {
        CloudEvent ce = CloudEvent.create(type, source, event.conversationId());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, ce.id());
            insert.setString(2, ce.type());
            insert.setString(3, topics.of(type.topic()));
            insert.setString(4, ce.subject());
            insert.setString(5, ce.source());
            insert.setTimestamp(6, Timestamp.from(ce.time()));
            insert.setBytes(7, EventCodec.toJson(event));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + type + " in the outbox", e);
        }
        wakeRelayAfterCommit();
        return ce.id();
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
