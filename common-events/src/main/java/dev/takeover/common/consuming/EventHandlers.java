package dev.takeover.common.consuming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.opentelemetry.context.Scope;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;
import dev.takeover.events.ReceivedEvent;

/**
 * One consumer's dispatch table: the use case for each event type it handles, keyed by type and checked by the
 * compiler, plus work done once per batch before or after its events. Types not in the table are skipped. Each event
 * is handled in its own record's trace, so what its use case publishes continues that trace; work done once per batch
 * has no trace of its own and resumes the one it acts for.
 */
public final class EventHandlers implements BatchHandler {

    private final Map<EventType<?>, EventHandler<?>> handlers;
    private final List<Consumer<EventBatch>> preparations;
    private final List<Consumer<EventBatch>> completions;
    private final boolean keepsLoadedState;

    private EventHandlers(Builder builder) {
        this.handlers = Map.copyOf(builder.handlers);
        this.preparations = List.copyOf(builder.preparations);
        this.completions = List.copyOf(builder.completions);
        this.keepsLoadedState = builder.keepsLoadedState;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean handles(EventType<?> type) {
        return handlers.containsKey(type);
    }

    @Override
    public void handle(EventBatch batch) {
        preparations.forEach(preparation -> preparation.accept(batch));
        for (DecodedRecord record : batch.records()) {
            try (Scope trace = record.inItsTrace()) {
                dispatch(record.event());
                if (!keepsLoadedState) {
                    batch.eventHandled();
                }
            }
        }
        completions.forEach(completion -> completion.accept(batch));
    }

    /** Hands one event to the use case of its type; an event of a type not in the table is ignored. */
    public <T extends ConversationEvent> void dispatch(ReceivedEvent<T> event) {
        @SuppressWarnings("unchecked") // registered under the same type as the event: see Builder.on
        EventHandler<T> handler = (EventHandler<T>) handlers.get(event.type());
        if (handler != null) {
            handler.handle(event);
        }
    }

    public static final class Builder {

        private final Map<EventType<?>, EventHandler<?>> handlers = new LinkedHashMap<>();
        private final List<Consumer<EventBatch>> preparations = new ArrayList<>();
        private final List<Consumer<EventBatch>> completions = new ArrayList<>();
        private boolean keepsLoadedState;

        private Builder() {}

        public <T extends ConversationEvent> Builder on(EventType<T> type, EventHandler<T> handler) {
            if (handlers.putIfAbsent(type, handler) != null) {
                throw new IllegalArgumentException("a second handler for " + type);
            }
            return this;
        }

        /**
         * Once per batch, inside its transaction and before its events are handled one by one: work that costs less
         * for many events at once, such as running a model over every message of the batch.
         */
        public Builder prepare(Consumer<EventBatch> preparation) {
            preparations.add(preparation);
            return this;
        }

        /** Once per batch, after its events, in the same transaction: work that the whole batch calls for once. */
        public Builder finish(Consumer<EventBatch> completion) {
            completions.add(completion);
            return this;
        }

        /**
         * A preparation that loads, for every event of the batch at once, what the use cases read: what it loaded is
         * kept for the whole batch, and written at commit (or before a query that needs it), instead of being written
         * and forgotten after each event ({@link EventBatch#eventHandled()}). Only for use cases whose entities are
         * cheap to check at a flush (no mutable attribute types), since each flush checks every entity loaded so far.
         */
        public Builder loadFirst(Consumer<EventBatch> load) {
            keepsLoadedState = true;
            return prepare(load);
        }

        public EventHandlers build() {
            if (handlers.isEmpty()) {
                throw new IllegalStateException("a consumer handles at least one event type");
            }
            return new EventHandlers(this);
        }
    }
}
