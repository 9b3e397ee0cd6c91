package dev.takeover.common.delivery;

import java.util.Optional;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;

/**
 * Fired, inside the transaction, for every event written to the outbox: what a service announces is what it measures
 * (its business metrics observe these), so a fact is counted exactly when it is published. Observers that count must
 * wait for the commit ({@link dev.takeover.common.metrics.AfterCommit}).
 */
public record Published(EventType<?> type, ConversationEvent event) {

    /** The event, if it is of this type. */
    public <T extends ConversationEvent> Optional<T> as(EventType<T> wanted) {
        return type.equals(wanted) ? Optional.of(wanted.payloadClass().cast(event)) : Optional.empty();
    }
}
