package dev.takeover.agent.console;

import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;

import dev.takeover.agent.Agent;
import dev.takeover.agent.Presence;
import dev.takeover.common.http.Roles;

/** Whom an agent can pass a conversation to: colleagues and teams, with whether they can take one now. */
@Path("/console/colleagues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Tag(name = "Console", description = "Settings of the agents' console, and demo sign-in on the local stack")
public class ColleagueResource {

    /** {@code free}: online or away with a free slot, so a transfer to them is offered at once. */
    public record Colleague(
            String id,
            String displayName,
            Presence presence,
            List<String> teams,
            int activeConversations,
            int capacity,
            boolean free) {}

    @GET
    @Transactional
    @Operation(summary = "Every agent as a transfer target: name, presence, teams, load")
    public List<Colleague> colleagues() {
        return Agent.<Agent>listAll(Sort.by("displayName")).stream()
                .map(agent -> new Colleague(
                        agent.agentId,
                        agent.displayName,
                        agent.presence,
                        agent.teams,
                        agent.activeConversations,
                        agent.capacity,
                        agent.presence != Presence.OFFLINE && agent.hasFreeSlot()))
                .toList();
    }
}
