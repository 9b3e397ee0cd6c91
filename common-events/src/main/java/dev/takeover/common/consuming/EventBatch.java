package dev.takeover.common.consuming;

import java.util.ArrayList;
import java.util.List;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;
import dev.takeover.events.ReceivedEvent;

/** The new events of one batch, in the order consumed. */
public final class EventBatch {

    private static final Runnable NOTHING = () -> {};

    private final List<DecodedRecord> records;
    private final Runnable betweenEvents;

    public EventBatch(List<DecodedRecord> records) {
        this(records, NOTHING);
    }

    /** With work to do after each event is handled, such as {@link Consuming}'s settling of the persistence context. */
    public EventBatch(List<DecodedRecord> records, Runnable betweenEvents) {
        this.records = List.copyOf(records);
        this.betweenEvents = betweenEvents;
    }

    /** Called by the handler after each event it handled, before the next and before the batch's finishing work. */
    public void eventHandled() {
        betweenEvents.run();
    }

    public List<DecodedRecord> records() {
        return records;
    }

    /** The batch's events of one type, in order. */
    public <T extends ConversationEvent> List<ReceivedEvent<T>> of(EventType<T> type) {
        List<ReceivedEvent<T>> events = new ArrayList<>();
        for (DecodedRecord record : records) {
            if (record.type().equals(type)) {
                @SuppressWarnings("unchecked") // the type says what the payload is: decoding checked it
                ReceivedEvent<T> event = (ReceivedEvent<T>) record.event();
                events.add(event);
            }
        }
        return events;
    }

    public int size() {
        return records.size();
    }
}
