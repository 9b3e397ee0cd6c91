package dev.takeover.events.handover;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * A conversation was tagged with a known incident an operator declared ({@code tagged} true), or the tag was lifted
 * because the incident ended ({@code tagged} false), so agents and dashboards can group the conversations it caused.
 */
public record IncidentTagChanged(
        String conversationId, String incidentId, String description, boolean tagged, Instant changedAt)
        implements HandoverEvent {

    public static final EventType<IncidentTagChanged> TYPE =
            EventType.of("handover.incident-tag-changed.v1", Topic.HANDOVER_EVENTS, IncidentTagChanged.class);

    public IncidentTagChanged {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(incidentId, "incidentId");
        Fields.requireText(description, "description");
        Fields.require(changedAt, "changedAt");
    }
}
