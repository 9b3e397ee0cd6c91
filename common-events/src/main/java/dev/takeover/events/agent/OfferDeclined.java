package dev.takeover.events.agent;

import java.time.Instant;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/** An agent declined an offer, or let it expire; the conversation goes to the next agent. */
public record OfferDeclined(
        String conversationId, String handoverId, String agentId, boolean timedOut, Instant declinedAt)
        implements ConversationEvent {

    public static final EventType<OfferDeclined> TYPE =
            EventType.of("agent.offer-declined.v1", Topic.AGENT_EVENTS, OfferDeclined.class);

    public OfferDeclined {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(handoverId, "handoverId");
        Fields.requireText(agentId, "agentId");
        Fields.require(declinedAt, "declinedAt");
    }
}
