package dev.takeover.common.consuming;

import dev.takeover.events.EventType;

/**
 * What a consumer does with its records, a batch at a time. {@link EventHandlers} is the usual one, a use case per
 * event type; a service that stores whole batches at once (transcript-service's log) implements this directly.
 */
public interface BatchHandler {

    /** Records of other known types are skipped: they are not this consumer's business, and not malformed either. */
    boolean handles(EventType<?> type);

    /**
     * Runs inside the batch's transaction, with its conversations locked, once per batch of new events: redeliveries
     * and duplicates within the batch are already removed, and the events are in the order consumed. Throwing rolls
     * the batch back; it is then retried, or processed event by event to find the one that cannot be processed.
     */
    void handle(EventBatch batch);

    /**
     * Whether the handler itself locks its batch's conversations up front in one order and recognises events it has
     * already handled, set-wise and in the batch's transaction (transcript-service's log does both with its own
     * tables); the shared conversation locks and processed-event log are then left out, and only duplicates within
     * the batch are removed before it is handed over.
     */
    default boolean guardsItself() {
        return false;
    }
}
