package dev.takeover.events.transcript;

import java.util.List;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;

/**
 * What transcript-service publishes on {@code transcript.events}. Sealed, so a new member is added here, and the
 * compiler points at what must handle it.
 */
public sealed interface TranscriptEvent extends ConversationEvent permits CustomerDataErased {

    List<EventType<? extends TranscriptEvent>> TYPES = List.of(CustomerDataErased.TYPE);
}
