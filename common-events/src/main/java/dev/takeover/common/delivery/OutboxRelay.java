package dev.takeover.common.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Sends committed outbox events to Kafka and deletes them once the broker has acknowledged them.
 *
 * <p>The outbox is split into {@link OutboxSlots} by record key, and each instance relays the slots it owns
 * ({@link SlotOwner}), so publishing grows with instances while one conversation stays with one relay, in id order.
 * Each record's answer counts on its own: acknowledged events are deleted even when a neighbour failed, a retriable
 * failure is sent again in a later batch without its acknowledged neighbours, and an event the broker refuses for
 * good is set aside in {@code outbox_dead_letter} with its reason, so no event can block the ones behind it. A crash
 * between send and delete only sends again; consumers deduplicate by {@code ce_id}.
 */
@Singleton
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String NEXT_BATCH = """
            select id, slot, event_id, event_type, topic, record_key, source, occurred_at, payload, traceparent
            from outbox_event where slot = any(?) order by id limit ?
            """;
    private static final String DELETE_SENT = "delete from outbox_event where id = any(?)";
    private static final String SET_ASIDE = """
            with refused as (delete from outbox_event where id = ? returning *)
            insert into outbox_dead_letter
                (id, event_id, event_type, topic, record_key, source, occurred_at, payload, traceparent, reason)
            select id, event_id, event_type, topic, record_key, source, occurred_at, payload, traceparent, ?
            from refused
            """;

    private final String name;
    private final DataSource dataSource;
    private final Supplier<Producer<String, byte[]>> producer;
    private final DeliveryConfig config;
    private final ReentrantLock batch = new ReentrantLock();
    private final SlotOwner slots;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong setAside = new AtomicLong();
    private volatile boolean running;
    private Thread worker;

    /** The outbox channel's producer; its emitter is never used, but injecting it is what starts that producer. */
    @Inject
    OutboxRelay(
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            DataSource dataSource,
            KafkaClientService kafka,
            @Channel("outbox") Emitter<byte[]> outboxChannel,
            DeliveryConfig config) {
        this(
                serviceName,
                dataSource,
                () -> kafka.<String, byte[]>getProducer("outbox").unwrap(),
                config);
    }

    /** A relay of its own, as another instance of the service would run it. */
    public OutboxRelay(
            String name, DataSource dataSource, Supplier<Producer<String, byte[]>> producer, DeliveryConfig config) {
        this.name = name;
        this.dataSource = dataSource;
        this.producer = producer;
        this.config = config;
        this.slots = new SlotOwner(dataSource, config, batch, this::wakeUp);
    }

    void onStart(@Observes StartupEvent startup) {
        start();
    }

    /** Stops before the datasource and the producer close, so the last batch is either settled or left for later. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown)
            throws InterruptedException {
        stop();
    }

    public void start() {
        running = true;
        slots.start(name);
        worker = new Thread(this::relayUntilStopped, "outbox-relay-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        wakeUp();
        worker.join(config.sendTimeout().toMillis());
        slots.stop();
    }

    /** Starts the next batch now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    public boolean owns(int slot) {
        return slots.owned().contains(slot);
    }

    public Set<Integer> ownedSlots() {
        return slots.owned();
    }

    /** Events the broker acknowledged since this relay started. */
    public long sentCount() {
        return sent.get();
    }

    /** Events set aside in {@code outbox_dead_letter} by this relay since it started: a counter for metrics. */
    public long setAsideCount() {
        return setAside.get();
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                Batch relayed = relayBatch();
                if (relayed.retry()) {
                    pause(config.retryPause());
                } else if (relayed.read() < config.batchSize()) {
                    awaitWakeUp(config.pollInterval());
                }
            } catch (RuntimeException | SQLException e) {
                if (running) {
                    // The class and SQLState only: a database error's message may quote the data.
                    LOG.warnf(
                            "outbox relay will retry in %d ms: %s",
                            config.retryPause().toMillis(), describe(e));
                    pause(config.retryPause());
                }
            }
        }
    }

    private record Batch(int read, boolean retry) {}

    /** Reads the owned slots' oldest events, sends them, waits for each one's answer and settles each by it. */
    private Batch relayBatch() throws SQLException {
        batch.lock();
        Set<Integer> owned = slots.owned();
        if (owned.isEmpty() || !running) {
            batch.unlock();
            return new Batch(0, false);
        }
        try (Connection connection = dataSource.getConnection()) {
            List<OutboxRow> rows = read(connection, owned);
            if (rows.isEmpty()) {
                return new Batch(0, false);
            }
            List<CompletableFuture<RecordMetadata>> answers = send(rows);
            awaitAnswers(answers);
            List<Long> acknowledged = new ArrayList<>();
            List<Refusal> refused = new ArrayList<>();
            boolean retry = false;
            for (int i = 0; i < rows.size(); i++) {
                CompletableFuture<RecordMetadata> answer = answers.get(i);
                if (answer.isDone() && !answer.isCompletedExceptionally()) {
                    acknowledged.add(rows.get(i).id());
                    continue;
                }
                SendFailure failure = answer.isDone() ? SendFailure.of(failureOf(answer)) : null;
                if (failure != null && !failure.retriable()) {
                    refused.add(new Refusal(rows.get(i), failure));
                } else {
                    retry = true;
                }
            }
            settle(connection, acknowledged, refused);
            sent.addAndGet(acknowledged.size());
            return new Batch(rows.size(), retry);
        } finally {
            batch.unlock();
        }
    }

    private record Refusal(OutboxRow row, SendFailure failure) {}

    private List<OutboxRow> read(Connection connection, Set<Integer> owned) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(NEXT_BATCH)) {
            select.setArray(1, connection.createArrayOf("int2", owned.toArray()));
            select.setInt(2, config.batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(OutboxRow.of(result));
                }
            }
        }
        return rows;
    }

    private List<CompletableFuture<RecordMetadata>> send(List<OutboxRow> rows) {
        Producer<String, byte[]> kafka = producer.get();
        if (kafka == null) {
            throw new IllegalStateException("the outbox channel's producer has not started yet");
        }
        List<CompletableFuture<RecordMetadata>> answers = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            CompletableFuture<RecordMetadata> answer = new CompletableFuture<>();
            try {
                kafka.send(row.toRecord(), (metadata, failure) -> {
                    if (failure == null) {
                        answer.complete(metadata);
                    } else {
                        answer.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
            answers.add(answer);
        }
        // The batch is complete: sent now, as one request per partition, instead of after the producer's linger.
        // The relay waits for every answer anyway, so lingering only delayed each hop by linger.ms.
        kafka.flush();
        return answers;
    }

    /** Unanswered events when the wait ends count as retriable: they stay, and are sent again by a later batch. */
    private void awaitAnswers(List<CompletableFuture<RecordMetadata>> answers) {
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // One or more failed; each answer is looked at on its own.
        } catch (TimeoutException e) {
            LOG.warnf("the broker did not answer within %s; unanswered events are sent again", config.sendTimeout());
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable failureOf(CompletableFuture<RecordMetadata> answer) {
        try {
            answer.join();
            throw new IllegalStateException("not a failed answer");
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** One transaction: acknowledged events deleted, refused ones moved to the dead-letter table. */
    private void settle(Connection connection, List<Long> acknowledged, List<Refusal> refused) throws SQLException {
        if (acknowledged.isEmpty() && refused.isEmpty()) {
            return;
        }
        connection.setAutoCommit(false);
        try {
            if (!acknowledged.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement(DELETE_SENT)) {
                    delete.setArray(1, connection.createArrayOf("bigint", acknowledged.toArray()));
                    delete.executeUpdate();
                }
            }
            if (!refused.isEmpty()) {
                try (PreparedStatement move = connection.prepareStatement(SET_ASIDE)) {
                    for (Refusal refusal : refused) {
                        move.setLong(1, refusal.row().id());
                        move.setString(2, refusal.failure().reason());
                        move.addBatch();
                    }
                    move.executeBatch();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        for (Refusal refusal : refused) {
            setAside.incrementAndGet();
            OutboxRow row = refusal.row();
            // What the event is and why it was refused; never its content.
            LOG.errorf(
                    "outbox event %s (%s to %s, %d bytes) set aside in outbox_dead_letter, refused for good: %s",
                    row.eventId(),
                    row.eventType(),
                    row.topic(),
                    row.payload().length,
                    refusal.failure().reason());
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    private void pause(Duration pause) {
        try {
            // Not cut short by wake-ups: after a failure, new commits are no reason to try sooner.
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return failure.getClass().getName() + " (SQLState " + sql.getSQLState() + ")";
            }
        }
        return failure.getClass().getName();
    }
}
