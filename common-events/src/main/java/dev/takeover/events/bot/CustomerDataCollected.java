package dev.takeover.events.bot;

import java.time.Instant;
import java.util.Map;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * What the bot has collected and validated for an agent (for example {@code customerNumber}, {@code email}), so the
 * agent never has to ask. Each event carries everything collected so far in the conversation.
 */
public record CustomerDataCollected(String conversationId, Map<String, String> data, Instant collectedAt)
        implements BotEvent {

    public static final EventType<CustomerDataCollected> TYPE =
            EventType.of("bot.customer-data-collected.v1", Topic.BOT_ANALYSIS, CustomerDataCollected.class);

    public CustomerDataCollected {
        Fields.requireText(conversationId, "conversationId");
        data = Fields.mapOrEmpty(data);
        Fields.require(collectedAt, "collectedAt");
    }
}
