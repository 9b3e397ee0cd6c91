package dev.takeover.webchat.socket;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.WebSocketConnection;

import dev.takeover.webchat.LogEntry;
import dev.takeover.webchat.RateLimit;
import dev.takeover.webchat.store.DeliveryLog;

/**
 * One open socket of one browser tab: its rate limit, its conversation once it has said hello, and the last log entry
 * it was sent. Catching up is serialised per socket, so every entry reaches it once and in order however many
 * notifications race.
 */
final class CustomerSocket {

    private static final Logger LOG = Logger.getLogger(CustomerSocket.class);

    private final WebSocketConnection connection;
    private final RateLimit rateLimit;
    private final AtomicBoolean catchUpPending = new AtomicBoolean();
    private volatile String conversationId;
    private long delivered;

    CustomerSocket(WebSocketConnection connection, RateLimit rateLimit) {
        this.connection = connection;
        this.rateLimit = rateLimit;
    }

    WebSocketConnection connection() {
        return connection;
    }

    RateLimit rateLimit() {
        return rateLimit;
    }

    String conversationId() {
        return conversationId;
    }

    boolean joined() {
        return conversationId != null;
    }

    synchronized void join(String conversationId, long after) {
        this.conversationId = conversationId;
        this.delivered = after;
    }

    /** Schedules a catch-up unless one is already waiting to start (it will see the newest entries anyway). */
    void requestCatchUp(Executor executor, DeliveryLog log, int page) {
        if (catchUpPending.compareAndSet(false, true)) {
            executor.execute(() -> {
                catchUpPending.set(false);
                try {
                    catchUp(log, page);
                } catch (RuntimeException e) {
                    // The socket closed mid-send, or the database is away: the browser reconnects and resumes.
                    LOG.debugf(
                            "delivery to socket %s stopped: %s",
                            connection.id(), e.getClass().getName());
                }
            });
        }
    }

    /** Sends every logged entry after the last one sent, in order. */
    synchronized void catchUp(DeliveryLog log, int page) {
        if (conversationId == null || !connection.isOpen()) {
            return;
        }
        List<LogEntry> entries;
        do {
            entries = log.after(conversationId, delivered, page);
            for (LogEntry entry : entries) {
                connection.sendTextAndAwait(Frames.entry(entry));
                delivered = entry.seq();
            }
        } while (entries.size() == page);
    }

    void send(String frame) {
        connection.sendTextAndAwait(frame);
    }
}
