package dev.takeover.common.consuming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

import dev.takeover.common.delivery.ProcessedEvents;
import dev.takeover.common.delivery.TopicNames;
import dev.takeover.common.tracing.Tracing;
import dev.takeover.events.EventType;
import dev.takeover.events.Topic;

/**
 * What every consumer of a service shares: the threads that process a batch's partitions side by side, the
 * dead-letter topic, the idempotency log, the conversation locks and the readiness report. Each {@code @Incoming}
 * method hands its batches to a {@link BatchConsumer} made here.
 */
@ApplicationScoped
public class Consuming {

    /** The real wait between attempts, for lanes and for parking alike; unit tests hand LaneProcessor their own. */
    private static final LaneProcessor.Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    private static final Logger LOG = Logger.getLogger(Consuming.class);

    private final ProcessedEvents processed;
    private final ConversationLocks locks;
    private final DeadLetterTopic deadLetters;
    private final ConsumingHealth health;
    private final ConsumingConfig config;
    private final Tracing tracing;
    private final String inboundTopic;
    private final ExecutorService lanes;
    private final MeterRegistry registry;
    private final Runnable settlePersistence;

    Consuming(
            ProcessedEvents processed,
            ConversationLocks locks,
            DeadLetterTopic deadLetters,
            ConsumingHealth health,
            ConsumingConfig config,
            Tracing tracing,
            TopicNames topics,
            MeterRegistry registry,
            Instance<EntityManager> entityManagers) {
        this.processed = processed;
        this.locks = locks;
        this.deadLetters = deadLetters;
        this.health = health;
        this.config = config;
        this.tracing = tracing;
        this.inboundTopic = topics.of(Topic.CONVERSATION_INBOUND);
        this.lanes = config.laneThreads() == 0 ? null : lanePool(config.laneThreads());
        this.registry = registry;
        this.settlePersistence = entityManagers.isResolvable() ? settling(entityManagers.get()) : () -> {};
    }

    /**
     * Writes what one event changed and forgets the entities it loaded. A batch's events share one transaction, and
     * Hibernate checks every entity it holds at each flush (before each query, too): without this, a batch of n
     * events costs n² such checks, and a backlog, whose batches are the largest, grows slower to drain.
     */
    private static Runnable settling(EntityManager entityManager) {
        return () -> {
            entityManager.flush();
            entityManager.clear();
        };
    }

    private static ExecutorService lanePool(int threads) {
        AtomicInteger started = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "consuming-lane-" + started.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (lanes != null) {
            lanes.shutdownNow();
        }
    }

    /** A consumer for one channel: transactional, idempotent, parking what it cannot process. */
    public BatchConsumer consumer(String channel, BatchHandler handler) {
        Backoff backoff = new Backoff(config.firstRetryPause(), config.longestRetryPause());
        LaneProcessor.Health laneHealth = new LaneProcessor.Health() {
            @Override
            public void failed(int attemptsInARow) {
                health.failed(channel, attemptsInARow);
            }

            @Override
            public void succeeded() {
                health.succeeded(channel);
            }
        };
        LaneProcessor processor = new LaneProcessor(
                channel,
                records -> storeInOneTransaction(handler, records),
                backoff,
                config.attempts(),
                SLEEP,
                laneHealth);
        return new BatchConsumer(
                channel, this, handler, processor, backoff, tracing, BatchMetrics.of(registry, channel));
    }

    /**
     * Best effort, for streams to people watching live: no transaction, no idempotency, and a record that cannot be
     * decoded or handled is skipped, never parked, since the durable consumers already account for it.
     */
    public void deliverBestEffort(Iterable<ConsumerRecord<String, byte[]>> records, EventHandlers handlers) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                if (handlers.handles(typeOf(record))) {
                    handlers.dispatch(decode(record).event());
                }
            } catch (RuntimeException e) {
                // Never the message: it may quote the record.
                LOG.debugf(
                        "skipped %s-%d@%d: %s",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        e.getClass().getSimpleName());
            }
        }
    }

    EventType<?> typeOf(ConsumerRecord<String, byte[]> record) {
        return DecodedRecord.typeOf(record, inboundTopic);
    }

    DecodedRecord decode(ConsumerRecord<String, byte[]> record) {
        return DecodedRecord.decode(record, inboundTopic);
    }

    /** Runs the lanes at once, the first on the calling thread, and returns when every one is done. */
    List<DeadLetter> runSideBySide(List<Callable<List<DeadLetter>>> work) {
        List<Future<List<DeadLetter>>> others = new ArrayList<>();
        for (Callable<List<DeadLetter>> lane : work.subList(1, work.size())) {
            others.add(lanes == null ? runHere(lane) : lanes.submit(lane));
        }
        List<DeadLetter> parked = new ArrayList<>();
        RuntimeException failure = null;
        try {
            parked.addAll(work.get(0).call());
        } catch (Exception e) {
            failure = asRuntime(e);
        }
        for (Future<List<DeadLetter>> other : others) {
            try {
                parked.addAll(other.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted before the batch was processed", e);
            } catch (ExecutionException e) {
                failure = asRuntime(e.getCause());
            }
        }
        if (failure != null) {
            // Only an interruption (shutting down) gets here: the batch is not acknowledged, and is redelivered.
            throw failure;
        }
        return parked;
    }

    /** Without lane threads, lanes run one after the other on the consumer's thread. */
    private static Future<List<DeadLetter>> runHere(Callable<List<DeadLetter>> lane) {
        FutureTask<List<DeadLetter>> task = new FutureTask<>(lane);
        task.run();
        return task;
    }

    private static RuntimeException asRuntime(Throwable e) {
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException("a lane failed", e);
    }

    /** Parks the letters, waiting for the broker as long as it takes: the batch is acknowledged only afterwards. */
    void park(String channel, List<DeadLetter> letters, Backoff backoff) {
        for (int attempt = 1; !letters.isEmpty(); attempt++) {
            try {
                deadLetters.park(letters);
                return;
            } catch (RuntimeException e) {
                Duration pause = backoff.pauseAfter(attempt);
                LOG.warnf(
                        "parking %d records of %s failed (attempt %d), retrying in %d ms: %s",
                        letters.size(),
                        channel,
                        attempt,
                        pause.toMillis(),
                        e.getClass().getName());
                try {
                    SLEEP.pause(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted before the batch was parked; it will be redelivered");
                }
            }
        }
    }

    private void storeInOneTransaction(BatchHandler handler, List<DecodedRecord> records) {
        QuarkusTransaction.requiringNew()
                .run(() -> handleFirstDeliveries(handler, records, locks, processed, settlePersistence));
    }

    /**
     * In the batch's transaction: the handler gets each event once, the first time it is ever delivered, with the
     * batch's conversations locked. A handler that {@linkplain BatchHandler#guardsItself() guards itself} only has the
     * batch's own duplicates removed.
     */
    static void handleFirstDeliveries(
            BatchHandler handler,
            List<DecodedRecord> records,
            ConversationLocks locks,
            ProcessedEvents processed,
            Runnable betweenEvents) {
        List<DecodedRecord> fresh = LaneProcessor.firstOfEachKey(records);
        if (!handler.guardsItself()) {
            locks.lock(fresh.stream().map(DecodedRecord::conversationId).toList());
            Set<String> first = processed.firstDeliveries(
                    fresh.stream().map(DecodedRecord::idempotencyKey).toList());
            fresh = fresh.stream()
                    .filter(record -> first.contains(record.idempotencyKey()))
                    .toList();
        }
        if (!fresh.isEmpty()) {
            handler.handle(new EventBatch(fresh, betweenEvents));
        }
    }
}
