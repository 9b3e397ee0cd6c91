package dev.takeover.events.agent;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/** A waiting conversation is offered to one agent, who must accept it before the offer expires. */
public record ConversationOffered(
        String conversationId,
        String handoverId,
        String agentId,
        String agentName,
        Instant offeredAt,
        Instant expiresAt)
        implements RoutingEvent {

    public static final EventType<ConversationOffered> TYPE =
            EventType.of("agent.conversation-offered.v1", Topic.AGENT_EVENTS, ConversationOffered.class);

    public ConversationOffered {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(handoverId, "handoverId");
        Fields.requireText(agentId, "agentId");
        Fields.require(offeredAt, "offeredAt");
        Fields.require(expiresAt, "expiresAt");
    }
}
