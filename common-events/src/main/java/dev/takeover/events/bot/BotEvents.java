package dev.takeover.events.bot;

import java.util.List;

import dev.takeover.events.EventType;

/** Events bot-service publishes. */
public final class BotEvents {

    public static final List<EventType<?>> ALL = List.of(MessageAnalyzed.TYPE, CustomerDataCollected.TYPE);

    private BotEvents() {}
}
