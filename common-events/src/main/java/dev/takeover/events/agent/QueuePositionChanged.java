package dev.takeover.events.agent;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * Where a waiting conversation stands in the queue (1 is next) and how long it is expected to wait, estimated from
 * recent handling times. {@code matchingAgentsOnline} 0 means nobody who could take it is online.
 */
public record QueuePositionChanged(
        String conversationId,
        String handoverId,
        int position,
        long expectedWaitSeconds,
        int matchingAgentsOnline,
        Instant at)
        implements RoutingEvent {

    public static final EventType<QueuePositionChanged> TYPE =
            EventType.of("agent.queue-position-changed.v1", Topic.AGENT_EVENTS, QueuePositionChanged.class);

    public QueuePositionChanged {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(handoverId, "handoverId");
        if (position < 1) {
            throw new IllegalArgumentException("position must be at least 1, was " + position);
        }
        if (expectedWaitSeconds < 0 || matchingAgentsOnline < 0) {
            throw new IllegalArgumentException("expectedWaitSeconds and matchingAgentsOnline cannot be negative");
        }
        Fields.require(at, "at");
    }
}
