package dev.takeover.events.agent;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * An agent declined an offer, or let it expire, or the offer was withdrawn (the agent went away or offline, or a
 * supervisor reassigned the conversation); the conversation goes to the next agent. {@code reason} is optional: one of
 * {@link #DECLINED}, {@link #TIMED_OUT}, {@link #AGENT_AWAY}, {@link #AGENT_OFFLINE}, {@link #REASSIGNED}.
 */
public record OfferDeclined(
        String conversationId, String handoverId, String agentId, boolean timedOut, Instant declinedAt, String reason)
        implements RoutingEvent {

    public static final String DECLINED = "DECLINED";
    public static final String TIMED_OUT = "TIMED_OUT";
    public static final String AGENT_AWAY = "AGENT_AWAY";
    public static final String AGENT_OFFLINE = "AGENT_OFFLINE";
    public static final String REASSIGNED = "REASSIGNED";

    public static final EventType<OfferDeclined> TYPE =
            EventType.of("agent.offer-declined.v1", Topic.AGENT_EVENTS, OfferDeclined.class);

    public OfferDeclined {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(handoverId, "handoverId");
        Fields.requireText(agentId, "agentId");
        Fields.require(declinedAt, "declinedAt");
    }

    public OfferDeclined(
            String conversationId, String handoverId, String agentId, boolean timedOut, Instant declinedAt) {
        this(conversationId, handoverId, agentId, timedOut, declinedAt, null);
    }
}
