package dev.takeover.events.agent;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/** A conversation an agent held is back in the queue, for example because the agent went offline. */
public record ConversationRequeued(
        String conversationId, String handoverId, String agentId, String reason, Instant requeuedAt)
        implements RoutingEvent {

    public static final EventType<ConversationRequeued> TYPE =
            EventType.of("agent.conversation-requeued.v1", Topic.AGENT_EVENTS, ConversationRequeued.class);

    public ConversationRequeued {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(handoverId, "handoverId");
        Fields.requireText(agentId, "agentId");
        Fields.requireText(reason, "reason");
        Fields.require(requeuedAt, "requeuedAt");
    }
}
