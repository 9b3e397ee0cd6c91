package dev.takeover.events.transcript;

import java.util.List;

import dev.takeover.events.EventType;

/** Events transcript-service publishes. */
public final class TranscriptEvents {

    public static final List<EventType<?>> ALL = List.of(CustomerDataErased.TYPE);

    private TranscriptEvents() {}
}
