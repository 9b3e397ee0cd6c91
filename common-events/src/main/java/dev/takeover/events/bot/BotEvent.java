package dev.takeover.events.bot;

import java.util.List;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;

/**
 * What bot-service publishes on {@code bot.analysis}. Sealed, so a new member is added here, and the compiler
 * points at what must handle it.
 */
public sealed interface BotEvent extends ConversationEvent
        permits MessageAnalyzed, CustomerDataCollected, SatisfactionRated {

    List<EventType<? extends BotEvent>> TYPES =
            List.of(MessageAnalyzed.TYPE, CustomerDataCollected.TYPE, SatisfactionRated.TYPE);
}
