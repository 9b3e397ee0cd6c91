package dev.takeover.common.delivery;

import dev.takeover.common.domain.Refused;

/**
 * An event too large for the broker to take, refused by {@link Outbox#publish} before it is stored, so it can never
 * block the outbox. It is a refusal ({@link Refused.Reason#TOO_LARGE}): a request whose event this would be gets a 413
 * problem response, and a consumer parks the record like malformed input rather than retrying it. The
 * message names the event type and the sizes, never the content.
 */
public class EventTooLargeException extends Refused {

    private final String eventType;
    private final int size;
    private final int limit;

    public EventTooLargeException(String eventType, int size, int limit) {
        super(
                Reason.TOO_LARGE,
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
