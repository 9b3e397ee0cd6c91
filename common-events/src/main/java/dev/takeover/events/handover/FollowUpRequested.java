package dev.takeover.events.handover;

import java.time.Instant;
import java.util.Map;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * While waiting, the customer chose to be called back or to get a ticket instead of a live chat. {@code reference} is
 * what the customer was told to quote; {@code contact} is what the bot collected for reaching them (for example
 * {@code phone}, {@code email}); {@code nextOpeningAt} is set when the request came outside business hours.
 */
public record FollowUpRequested(
        String handoverId,
        String conversationId,
        Kind kind,
        String reference,
        String customerId,
        String channel,
        String language,
        Map<String, String> contact,
        Instant nextOpeningAt,
        Instant requestedAt)
        implements HandoverEvent {

    public static final EventType<FollowUpRequested> TYPE =
            EventType.of("handover.follow-up-requested.v1", Topic.HANDOVER_EVENTS, FollowUpRequested.class);

    public enum Kind {
        CALLBACK,
        TICKET
    }

    public FollowUpRequested {
        Fields.requireText(handoverId, "handoverId");
        Fields.requireText(conversationId, "conversationId");
        Fields.require(kind, "kind");
        Fields.requireText(reference, "reference");
        contact = Fields.mapOrEmpty(contact);
        Fields.require(requestedAt, "requestedAt");
    }
}
