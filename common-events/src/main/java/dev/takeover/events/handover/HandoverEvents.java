package dev.takeover.events.handover;

import java.util.List;

import dev.takeover.events.EventType;

/** Events handover-service publishes on {@code handover.events}. */
public final class HandoverEvents {

    public static final List<EventType<?>> ALL =
            List.of(HandoverRequested.TYPE, HandoverStateChanged.TYPE, FollowUpRequested.TYPE, IncidentTagChanged.TYPE);

    private HandoverEvents() {}
}
