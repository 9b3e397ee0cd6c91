package dev.takeover.common.consuming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * Processes one lane of a polled batch so that every record ends up processed once or parked alone with its reason:
 * <ul>
 *   <li>the lane is stored in one transaction;
 *   <li>while the database is unavailable, or the service not ready yet, it is retried whole, with backoff, and
 *       nothing is parked;
 *   <li>any other failure means one record spoils the batch: the lane is processed record by record, each in its
 *       own transaction and in order, so that only the record that cannot be processed is parked.
 * </ul>
 */
final class LaneProcessor {

    private static final Logger LOG = Logger.getLogger(LaneProcessor.class);

    /** Stores records in one transaction, with their conversations locked and their keys recorded, or throws. */
    @FunctionalInterface
    interface Store {
        void store(List<DecodedRecord> records);
    }

    /** Waits on the lane's own thread: its partition must not move on while a record is unprocessed. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** Hears whether the database keeps failing, for readiness. */
    interface Health {
        void failed(int attemptsInARow);

        void succeeded();
    }

    private final String channel;
    private final Store store;
    private final Backoff backoff;
    private final int attempts;
    private final Pause pause;
    private final Health health;

    LaneProcessor(String channel, Store store, Backoff backoff, int attempts, Pause pause, Health health) {
        this.channel = channel;
        this.store = store;
        this.backoff = backoff;
        this.attempts = attempts;
        this.pause = pause;
        this.health = health;
    }

    /** Each event once, the first time it appears; a redelivery within one poll is no different from a later one. */
    static List<DecodedRecord> firstOfEachKey(List<DecodedRecord> records) {
        Set<String> seen = new HashSet<>();
        List<DecodedRecord> first = new ArrayList<>(records.size());
        for (DecodedRecord record : records) {
            if (seen.add(record.idempotencyKey())) {
                first.add(record);
            }
        }
        return first;
    }

    /** Returns the records to park, each with its reason; all the others are stored. */
    List<DeadLetter> process(List<DecodedRecord> records) {
        if (records.size() <= 1) {
            return records.stream()
                    .flatMap(record -> storeAlone(record).stream())
                    .toList();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                store.store(records);
                health.succeeded();
                return List.of();
            } catch (RuntimeException e) {
                if (!Failure.of(e).retriesTheWholeBatch()) {
                    LOG.warnf(
                            "a batch of %d on %s failed (%s): processing its records one by one",
                            records.size(), channel, Failure.describe(e));
                    return records.stream()
                            .flatMap(record -> storeAlone(record).stream())
                            .toList();
                }
                retryLater(attempt, e, records.size() + " records");
            }
        }
    }

    private Optional<DeadLetter> storeAlone(DecodedRecord record) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.store(List.of(record));
                health.succeeded();
                return Optional.empty();
            } catch (RuntimeException e) {
                Failure failure = Failure.of(e);
                if (!failure.retriesRecord(attempt, attempts)) {
                    return Optional.of(park(record, failure, e));
                }
                retryLater(attempt, e, record.position());
            }
        }
    }

    private DeadLetter park(DecodedRecord record, Failure failure, RuntimeException e) {
        if (failure == Failure.UNEXPECTED) {
            LOG.warnf(
                    Failure.withoutMessages(e),
                    "parking %s of %s after %d attempts: %s",
                    record.position(),
                    channel,
                    attempts,
                    Failure.describe(e));
        }
        return DeadLetter.failed(record.record(), failure, failure.deadLetterReason(e));
    }

    private void retryLater(int attempt, RuntimeException e, String what) {
        Failure failure = Failure.of(e);
        Duration wait = backoff.pauseAfter(attempt);
        if (failure.retriesTheWholeBatch()) {
            health.failed(attempt);
        }
        // The class and SQLState only: a failure's message may quote the data, and so what a customer wrote.
        LOG.warnf(
                "processing %s on %s failed (attempt %d%s), retrying in %d ms: %s",
                what,
                channel,
                attempt,
                failure.retriesTheWholeBatch()
                        ? ", " + failure.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        : " of " + attempts,
                wait.toMillis(),
                Failure.describe(e));
        try {
            pause.pause(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the batch was processed; it will be redelivered");
        }
    }
}
