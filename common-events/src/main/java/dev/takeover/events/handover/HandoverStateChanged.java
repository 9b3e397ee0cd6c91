package dev.takeover.events.handover;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/** A transition of the conversation's control state, with its cause (a stable code) and a detail in words. */
public record HandoverStateChanged(
        String handoverId,
        String conversationId,
        ControlState from,
        ControlState to,
        String cause,
        String detail,
        Instant changedAt)
        implements HandoverEvent {

    public static final EventType<HandoverStateChanged> TYPE =
            EventType.of("handover.state-changed.v1", Topic.HANDOVER_EVENTS, HandoverStateChanged.class);

    public HandoverStateChanged {
        Fields.requireText(handoverId, "handoverId");
        Fields.requireText(conversationId, "conversationId");
        Fields.require(from, "from");
        Fields.require(to, "to");
        Fields.requireText(cause, "cause");
        Fields.require(changedAt, "changedAt");
    }
}
