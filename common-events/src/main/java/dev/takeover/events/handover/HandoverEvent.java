package dev.takeover.events.handover;

import java.util.List;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;

/**
 * What handover-service publishes on {@code handover.events}. Sealed, so a new member is added here, and the
 * compiler points at what must handle it.
 */
public sealed interface HandoverEvent extends ConversationEvent
        permits HandoverRequested, HandoverStateChanged, FollowUpRequested, IncidentTagChanged {

    List<EventType<? extends HandoverEvent>> TYPES =
            List.of(HandoverRequested.TYPE, HandoverStateChanged.TYPE, FollowUpRequested.TYPE, IncidentTagChanged.TYPE);
}
