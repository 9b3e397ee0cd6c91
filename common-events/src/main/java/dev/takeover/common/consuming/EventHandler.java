package dev.takeover.common.consuming;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.ReceivedEvent;

/** A use case for one new event, run inside its batch's transaction. */
@FunctionalInterface
public interface EventHandler<T extends ConversationEvent> {
    void handle(ReceivedEvent<T> event);
}
