package dev.takeover.agent.api;

import java.time.Instant;
import java.util.List;

import dev.takeover.agent.Agent;
import dev.takeover.agent.Presence;

/** An agent as the API shows them, with their current load. */
public record AgentView(
        String id,
        String displayName,
        List<String> skills,
        List<String> languages,
        List<String> teams,
        int capacity,
        Presence presence,
        int activeConversations,
        Instant idleSince) {

    static AgentView of(Agent agent) {
        return new AgentView(
                agent.agentId,
                agent.displayName,
                agent.skills,
                agent.languages,
                agent.teams,
                agent.capacity,
                agent.presence,
                agent.activeConversations,
                agent.idleSince);
    }
}
