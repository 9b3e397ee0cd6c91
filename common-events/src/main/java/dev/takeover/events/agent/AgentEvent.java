package dev.takeover.events.agent;

import java.util.List;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;

/**
 * What agent-service publishes on {@code agent.events}: the routing of handovers, and agents' internal notes. Sealed, so
 * a new member is added here, and the compiler points at what must handle it.
 */
public sealed interface AgentEvent extends ConversationEvent permits RoutingEvent, InternalNoteAdded {

    List<EventType<? extends AgentEvent>> TYPES = List.of(
            ConversationOffered.TYPE,
            OfferDeclined.TYPE,
            ConversationAssigned.TYPE,
            QueuePositionChanged.TYPE,
            ConversationTransferred.TYPE,
            ConversationRequeued.TYPE,
            ConversationResolved.TYPE,
            ConversationHandedBack.TYPE,
            InternalNoteAdded.TYPE);
}
