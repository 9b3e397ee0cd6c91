package dev.takeover.events.agent;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/** The agent solved the customer's request and closed their part of the conversation. */
public record ConversationResolved(
        String conversationId, String handoverId, String agentId, String summary, Instant resolvedAt)
        implements RoutingEvent {

    public static final EventType<ConversationResolved> TYPE =
            EventType.of("agent.conversation-resolved.v1", Topic.AGENT_EVENTS, ConversationResolved.class);

    public ConversationResolved {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(handoverId, "handoverId");
        Fields.requireText(agentId, "agentId");
        Fields.require(resolvedAt, "resolvedAt");
    }
}
