package dev.takeover.events.agent;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/** The agent handed the conversation back to the bot, with a note on what the bot should know. */
public record ConversationHandedBack(
        String conversationId, String handoverId, String agentId, String note, Instant handedBackAt)
        implements RoutingEvent {

    public static final EventType<ConversationHandedBack> TYPE =
            EventType.of("agent.conversation-handed-back.v1", Topic.AGENT_EVENTS, ConversationHandedBack.class);

    public ConversationHandedBack {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(handoverId, "handoverId");
        Fields.requireText(agentId, "agentId");
        Fields.require(handedBackAt, "handedBackAt");
    }
}
