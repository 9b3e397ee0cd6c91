package dev.takeover.events.agent;

import java.util.List;

import dev.takeover.events.EventType;

/** Events agent-service publishes on {@code agent.events}. */
public final class AgentEvents {

    public static final List<EventType<?>> ALL = List.of(ConversationAssigned.TYPE);

    private AgentEvents() {}
}
