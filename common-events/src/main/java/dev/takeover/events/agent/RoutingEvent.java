package dev.takeover.events.agent;

/**
 * A step in routing one handover to a person: its place in the queue, offers, the assignment, and how the agent let
 * it go. Each names the handover it belongs to.
 */
public sealed interface RoutingEvent extends AgentEvent
        permits ConversationOffered,
                OfferDeclined,
                ConversationAssigned,
                QueuePositionChanged,
                ConversationTransferred,
                ConversationRequeued,
                ConversationResolved,
                ConversationHandedBack {

    String handoverId();
}
