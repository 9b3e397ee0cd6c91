package dev.takeover.agent.api;

import java.net.URI;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.takeover.agent.Agent;
import dev.takeover.agent.ConversationView;
import dev.takeover.agent.Presence;
import dev.takeover.agent.Takeover;
import dev.takeover.agent.routing.Routing;
import dev.takeover.common.http.HasText;
import dev.takeover.common.http.ProblemException;
import dev.takeover.common.http.Roles;
import dev.takeover.events.Fields;

@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Tag(name = "Agents", description = "Registration, profiles and presence")
public class AgentResource {

    private final Routing routing;
    private final CurrentCaller caller;

    AgentResource(Routing routing, CurrentCaller caller) {
        this.routing = routing;
        this.caller = caller;
    }

    public record Registration(
            @HasText String id,
            @HasText String displayName,
            List<String> skills,
            List<String> languages,
            @NotNull @Min(1) Integer capacity,
            List<String> teams) {
        public Registration {
            skills = Fields.listOrEmpty(skills);
            languages = Fields.listOrEmpty(languages);
            teams = Fields.listOrEmpty(teams);
        }
    }

    /** The whole profile; omitted lists become empty. */
    public record Profile(
            @HasText String displayName,
            List<String> skills,
            List<String> languages,
            @NotNull @Min(1) Integer capacity,
            List<String> teams) {
        public Profile {
            skills = Fields.listOrEmpty(skills);
            languages = Fields.listOrEmpty(languages);
            teams = Fields.listOrEmpty(teams);
        }
    }

    public record PresenceChange(@NotNull Presence presence) {}

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Register an agent (supervisors)")
    @APIResponse(responseCode = "201", description = "Registered, offline")
    @APIResponse(responseCode = "409", description = "An agent with this id exists")
    public Response register(@Valid Registration registration) {
        requireBody(registration);
        Agent agent = routing.register(Agent.register(
                registration.id(),
                registration.displayName(),
                registration.skills(),
                registration.languages(),
                registration.teams(),
                registration.capacity()));
        return Response.created(URI.create("/agents/" + agent.agentId))
                .entity(AgentView.of(agent))
                .build();
    }

    @GET
    @RolesAllowed(Roles.SUPERVISOR)
    @Transactional
    @Operation(summary = "Every agent with presence and load, optionally only those with one presence (supervisors)")
    public List<AgentView> agents(@QueryParam("presence") Presence presence) {
        List<Agent> agents = presence == null
                ? Agent.<Agent>listAll(io.quarkus.panache.common.Sort.by("agentId"))
                : Agent.<Agent>list("presence = ?1 order by agentId", presence);
        return agents.stream().map(AgentView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One agent (the agent themselves or a supervisor)")
    @APIResponse(responseCode = "200", description = "The agent")
    @APIResponse(responseCode = "404", description = "No such agent")
    public AgentView agent(@PathParam("id") String id) {
        caller.requireSelfOrSupervisor(id);
        return AgentView.of(Routing.agentOrNotFound(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Change an agent's name, skills, languages, teams or capacity (supervisors)")
    @APIResponse(responseCode = "200", description = "The agent as changed")
    @APIResponse(responseCode = "404", description = "No such agent")
    public AgentView describe(@PathParam("id") String id, @Valid Profile profile) {
        requireBody(profile);
        return AgentView.of(routing.describe(
                id, profile.displayName(), profile.skills(), profile.languages(), profile.teams(), profile.capacity()));
    }

    @PUT
    @Path("/{id}/presence")
    @Operation(
            summary = "Go online, away or offline (the agent themselves or a supervisor)",
            description = "Away: no new offers, pending offers go to others. Offline: the agent's conversations are"
                    + " requeued in their old place and each customer is told.")
    @APIResponse(responseCode = "200", description = "The agent in their new presence")
    @APIResponse(responseCode = "404", description = "No such agent")
    public AgentView changePresence(@PathParam("id") String id, @Valid PresenceChange change) {
        requireBody(change);
        caller.requireSelfOrSupervisor(id);
        return AgentView.of(routing.changePresence(id, change.presence()));
    }

    @GET
    @Path("/{id}/conversations")
    @Transactional
    @Operation(summary = "The conversations offered to or handled by an agent (the agent themselves or a supervisor)")
    public List<ConversationView> conversations(@PathParam("id") String id) {
        caller.requireSelfOrSupervisor(id);
        Routing.agentOrNotFound(id);
        return Takeover.heldBy(id).stream().map(ConversationView::of).toList();
    }

    static void requireBody(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("a JSON body is required");
        }
    }
}
