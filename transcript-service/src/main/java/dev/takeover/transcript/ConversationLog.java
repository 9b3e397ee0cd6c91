package dev.takeover.transcript;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import dev.takeover.common.delivery.TopicNames;
import dev.takeover.events.MalformedEventException;
import dev.takeover.events.Topic;
import dev.takeover.transcript.messaging.DeadLetter;
import dev.takeover.transcript.messaging.DeadLetterTopic;

/**
 * Appends consumed batches to the log. Every record ends up stored exactly once or parked on the dead-letter topic
 * with its reason, and a malformed record never holds back or parks its valid neighbours. While the database is
 * unavailable the batch is retried, holding back its partitions: nothing is acknowledged that is not stored.
 */
@ApplicationScoped
public class ConversationLog {

    private static final Logger LOG = Logger.getLogger(ConversationLog.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final int UNEXPECTED_ATTEMPTS = 3;

    private final TranscriptWriter writer;
    private final DeadLetterTopic deadLetters;
    private final IngestHealth health;
    private final TranscriptConfig config;
    private final String inboundTopic;

    ConversationLog(
            TranscriptWriter writer,
            DeadLetterTopic deadLetters,
            IngestHealth health,
            TranscriptConfig config,
            TopicNames topics) {
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.health = health;
        this.config = config;
        this.inboundTopic = topics.of(Topic.CONVERSATION_INBOUND);
    }

    /** Returns once every record of the batch is stored or parked. */
    public void append(List<ConsumerRecord<String, byte[]>> records) {
        List<Decoded> decoded = new ArrayList<>(records.size());
        List<DeadLetter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                decoded.add(new Decoded(record, LogEntry.decode(record, inboundTopic)));
            } catch (MalformedEventException e) {
                rejected.add(new DeadLetter(record, e.getMessage()));
            }
        }
        try {
            untilAvailable(
                    () -> writer.store(decoded.stream().map(Decoded::entry).toList()), UNEXPECTED_ATTEMPTS);
        } catch (StoreFailure e) {
            storeOneByOne(decoded, rejected, e);
        }
        untilAvailable(
                () -> {
                    deadLetters.park(rejected);
                    return rejected.size();
                },
                Integer.MAX_VALUE);
    }

    /** Finds the entries the database refuses, so that only they are parked. */
    private void storeOneByOne(List<Decoded> decoded, List<DeadLetter> rejected, StoreFailure batchFailure) {
        LOG.warnf("a batch was refused (%s); storing its %d entries one by one", batchFailure.reason(), decoded.size());
        for (Decoded one : decoded) {
            try {
                untilAvailable(() -> writer.store(List.of(one.entry())), UNEXPECTED_ATTEMPTS);
            } catch (StoreFailure e) {
                rejected.add(new DeadLetter(one.record(), "the log cannot store it: " + e.reason()));
            }
        }
    }

    /**
     * Retries while the database or the broker is unavailable; a refusal of the data is thrown at once, and so is a
     * failure of unknown cause once it has recurred {@code unexpectedAttempts} times.
     */
    private <T> T untilAvailable(Supplier<T> work, int unexpectedAttempts) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.get();
                health.succeeded();
                return result;
            } catch (StoreFailure e) {
                if (e.rejectsData()) {
                    throw e;
                }
                retryLater(attempt, e.reason(), pause);
            } catch (RuntimeException e) {
                if (!causedByDatabase(e) && attempt >= unexpectedAttempts) {
                    throw StoreFailure.unexpected(e);
                }
                // Only the class: the message of an arbitrary failure is not known to be free of message text.
                retryLater(attempt, e.getClass().getName(), pause);
            }
            pause = pause.multipliedBy(2).compareTo(config.ingest().longestRetryPause()) < 0
                    ? pause.multipliedBy(2)
                    : config.ingest().longestRetryPause();
        }
    }

    private void retryLater(int attempt, String failure, Duration pause) {
        health.failed(attempt);
        LOG.warnf("storing a batch failed (attempt %d), retrying in %d ms: %s", attempt, pause.toMillis(), failure);
        try {
            // The consumer's own thread waits on purpose: its partitions must not move past an unstored batch.
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the batch was stored; it will be redelivered");
        }
    }

    private static boolean causedByDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private record Decoded(ConsumerRecord<String, byte[]> record, LogEntry entry) {}
}
