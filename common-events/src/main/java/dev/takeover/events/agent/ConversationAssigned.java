package dev.takeover.events.agent;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/** An agent has been given the conversation of a handover. */
public record ConversationAssigned(
        String conversationId, String handoverId, String agentId, String agentName, Instant assignedAt)
        implements RoutingEvent {

    public static final EventType<ConversationAssigned> TYPE =
            EventType.of("agent.conversation-assigned.v1", Topic.AGENT_EVENTS, ConversationAssigned.class);

    public ConversationAssigned {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(handoverId, "handoverId");
        Fields.requireText(agentId, "agentId");
        Fields.requireText(agentName, "agentName");
        Fields.require(assignedAt, "assignedAt");
    }
}
