package dev.takeover.events.agent;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * An agent passed the conversation to another agent or to a team, with a note for whoever takes it. {@code
 * transferredBy} is optional: the supervisor who reassigned it, when it was not the agent holding it.
 */
public record ConversationTransferred(
        String conversationId,
        String handoverId,
        String fromAgentId,
        String toAgentId,
        String toTeam,
        String note,
        Instant transferredAt,
        String transferredBy)
        implements RoutingEvent {

    public static final EventType<ConversationTransferred> TYPE =
            EventType.of("agent.conversation-transferred.v1", Topic.AGENT_EVENTS, ConversationTransferred.class);

    public ConversationTransferred {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(handoverId, "handoverId");
        Fields.requireText(fromAgentId, "fromAgentId");
        if ((toAgentId == null) == (toTeam == null)) {
            throw new IllegalArgumentException("exactly one of toAgentId and toTeam is required");
        }
        Fields.require(transferredAt, "transferredAt");
    }

    public ConversationTransferred(
            String conversationId,
            String handoverId,
            String fromAgentId,
            String toAgentId,
            String toTeam,
            String note,
            Instant transferredAt) {
        this(conversationId, handoverId, fromAgentId, toAgentId, toTeam, note, transferredAt, null);
    }
}
