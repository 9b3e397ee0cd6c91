package dev.takeover.common.delivery;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.takeover.events.CloudEvent;

/**
 * Sends committed outbox events to Kafka in the order they were written, then deletes them. A PostgreSQL advisory
 * lock keeps one relay active per service however many instances run, so events of one conversation never overtake
 * each other; a crash between send and delete only re-sends, and consumers deduplicate by {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK = "select pg_try_advisory_xact_lock(hashtext('takeover.outbox-relay'))";
    private static final String NEXT_BATCH = """
            select id, event_id, event_type, topic, record_key, source, occurred_at, payload
            from outbox_event order by id limit ?
            """;
    private static final String DELETE_SENT = "delete from outbox_event where id = any(?)";

    private final DataSource dataSource;
    private final MutinyEmitter<byte[]> emitter;
    private final DeliveryConfig config;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(
            DataSource dataSource,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    MutinyEmitter<byte[]> emitter,
            DeliveryConfig config) {
        this.dataSource = dataSource;
        this.emitter = emitter;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops before the datasource and the producer close, so the last batch is either sent or left for next time. */
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown)
            throws InterruptedException {
        running = false;
        wakeUp();
        worker.join(config.sendTimeout().toMillis());
    }

    void wakeUp() {
        wakeUps.release();
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                if (relayBatch() < config.batchSize()) {
                    awaitWakeUp(config.pollInterval());
                }
            } catch (RuntimeException | SQLException e) {
                if (running) {
                    LOG.warnf("outbox relay will retry: %s", e.getMessage());
                    awaitWakeUp(config.pollInterval().multipliedBy(5));
                }
            }
        }
    }

    /** One transaction: lock, read a batch, send it, wait for the broker's acknowledgement, delete it. */
    int relayBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = relayBatch(connection);
                connection.commit();
                return sent;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int relayBatch(Connection connection) throws SQLException {
        if (!acquireLock(connection)) {
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        List<Uni<Void>> acknowledgements = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(NEXT_BATCH)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong("id"));
                    acknowledgements.add(emitter.sendMessage(toMessage(rows)));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        Uni.join().all(acknowledgements).andFailFast().await().atMost(config.sendTimeout());
        try (PreparedStatement delete = connection.prepareStatement(DELETE_SENT)) {
            Array idArray = connection.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, idArray);
            delete.executeUpdate();
        }
        return ids.size();
    }

    private static boolean acquireLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK);
                ResultSet result = lock.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static Message<byte[]> toMessage(ResultSet row) throws SQLException {
        String key = row.getString("record_key");
        CloudEvent ce = new CloudEvent(
                row.getObject("event_id", UUID.class),
                row.getString("event_type"),
                row.getString("source"),
                row.getTimestamp("occurred_at").toInstant(),
                key);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(key)
                .withHeaders(ce.toHeaders())
                .build();
        return Message.of(row.getBytes("payload")).addMetadata(metadata);
    }

    /** Returns on the next commit that wrote events, or after the timeout, whichever comes first. */
    private void awaitWakeUp(Duration timeout) {
        try {
            wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }
}
