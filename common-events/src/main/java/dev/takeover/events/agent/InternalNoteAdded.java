package dev.takeover.events.agent;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/** A note agents leave on a conversation for each other; the customer never sees it. */
public record InternalNoteAdded(
        String conversationId, String noteId, String agentId, String agentName, String text, Instant addedAt)
        implements AgentEvent {

    public static final EventType<InternalNoteAdded> TYPE =
            EventType.of("agent.internal-note-added.v1", Topic.AGENT_EVENTS, InternalNoteAdded.class);

    public InternalNoteAdded {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(noteId, "noteId");
        Fields.requireText(agentId, "agentId");
        Fields.requireText(text, "text");
        Fields.require(addedAt, "addedAt");
    }
}
