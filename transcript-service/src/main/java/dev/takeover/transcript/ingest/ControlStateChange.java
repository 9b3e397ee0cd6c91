package dev.takeover.transcript.ingest;

import java.time.Instant;

import dev.takeover.events.handover.ControlState;

/** Who is in charge of the conversation from a moment on, as handover-service reported it. */
public record ControlStateChange(ControlState state, Instant at) {

    public boolean isLaterThan(ControlStateChange other) {
        return other == null || !at.isBefore(other.at);
    }
}
