package dev.takeover.common.delivery;

import jakarta.ws.rs.core.Response;

import dev.takeover.common.http.ProblemException;

/**
 * An event too large for the broker to take, refused by {@link Outbox#publish} before it is stored, so it can never
 * block the outbox. A request whose event this would be gets a 413 problem response (through
 * {@link dev.takeover.common.http.ProblemMappers}); a consumer should treat it as it treats malformed input. The
 * message names the event type and the sizes, never the content.
 */
public class EventTooLargeException extends ProblemException {

    private final String eventType;
    private final int size;
    private final int limit;

    public EventTooLargeException(String eventType, int size, int limit) {
        super(
                Response.Status.REQUEST_ENTITY_TOO_LARGE,
                String.format(
                        "the %s event would be %d bytes; the broker takes records of at most %d bytes",
                        eventType, size, limit));
        this.eventType = eventType;
        this.size = size;
        this.limit = limit;
    }

    public String eventType() {
        return eventType;
    }

    public int size() {
        return size;
    }

    public int limit() {
        return limit;
    }
}
