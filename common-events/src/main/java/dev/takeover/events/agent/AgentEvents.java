package dev.takeover.events.agent;

import java.util.List;

import dev.takeover.events.EventType;

/** Events agent-service publishes on {@code agent.events}. */
public final class AgentEvents {

    public static final List<EventType<?>> ALL = List.of(
            ConversationOffered.TYPE,
            OfferDeclined.TYPE,
            ConversationAssigned.TYPE,
            QueuePositionChanged.TYPE,
            ConversationTransferred.TYPE,
            ConversationRequeued.TYPE,
            ConversationResolved.TYPE,
            ConversationHandedBack.TYPE,
            InternalNoteAdded.TYPE,
            BotAnswerFlagged.TYPE);

    private AgentEvents() {}
}
