package dev.takeover.common.delivery;

import java.time.Duration;

import org.jboss.logging.Logger;

import dev.takeover.events.MalformedEventException;

/**
 * Processes one consumed record. Malformed input fails at once, so the channel's failure strategy parks it on the
 * dead-letter topic; any other failure (a database or broker hiccup) is retried with backoff on the consumer's own
 * thread, which also holds back the rest of the partition and so keeps the conversation in order.
 */
public final class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);
    private static final int ATTEMPTS = 8;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private Retrying() {}

    public static void process(Runnable processing) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                processing.run();
                return;
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("processing failed (attempt %d of %d), retrying: %s", attempt, ATTEMPTS, e.toString());
                pauseFor(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0 ? pause.multipliedBy(2) : LONGEST_PAUSE;
            }
        }
    }

    private static void pauseFor(Duration pause) {
        try {
            // Backoff on a blocking consumer thread is the point: the partition must wait for this record.
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
