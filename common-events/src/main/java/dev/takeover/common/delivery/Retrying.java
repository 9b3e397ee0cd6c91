package dev.takeover.common.delivery;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;

import org.jboss.logging.Logger;

import dev.takeover.events.MalformedEventException;

/**
 * Processes one consumed record on the consumer's own thread, so the rest of the partition waits and the conversation
 * stays in order:
 * <ul>
 *   <li>malformed input fails at once, and the channel's failure strategy parks it on the dead-letter topic;
 *   <li>while the database is unavailable the record is retried until it is back, never parked: it is valid, and
 *       parking it would take a customer's message out of the conversation;
 *   <li>any other failure is retried a few times, then parked with its reason.
 * </ul>
 */
public final class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);
    private static final int ATTEMPTS = 8;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    /** SQLState classes of an unavailable database: connection, rollback (deadlock), resources, operator, system. */
    private static final Set<String> UNAVAILABLE = Set.of("08", "40", "53", "57", "58");

    private Retrying() {}

    public static void process(Runnable processing) {
        process(processing, FIRST_PAUSE, LONGEST_PAUSE);
    }

    static void process(Runnable processing, Duration firstPause, Duration longestPause) {
        Duration pause = firstPause;
        for (int attempt = 1; ; attempt++) {
            try {
                processing.run();
                return;
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                boolean unavailable = databaseUnavailable(e);
                if (!unavailable && attempt >= ATTEMPTS) {
                    throw e;
                }
                // The class and SQLState only: a failure's message may quote the data, and so what the customer wrote.
                LOG.warnf(
                        "processing failed (attempt %d%s), retrying in %d ms: %s",
                        attempt,
                        unavailable ? ", database unavailable" : " of " + ATTEMPTS,
                        pause.toMillis(),
                        describe(e));
                pauseFor(pause);
                pause = pause.multipliedBy(2).compareTo(longestPause) < 0 ? pause.multipliedBy(2) : longestPause;
            }
        }
    }

    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().length() >= 2
                    && UNAVAILABLE.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder(failure.getClass().getName());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return description
                        .append(" (SQLState ")
                        .append(sql.getSQLState())
                        .append(')')
                        .toString();
            }
        }
        return description.toString();
    }

    private static void pauseFor(Duration pause) {
        try {
            // Backoff on a blocking consumer thread is the point: the partition must wait for this record.
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying; the record will be redelivered", e);
        }
    }
}
