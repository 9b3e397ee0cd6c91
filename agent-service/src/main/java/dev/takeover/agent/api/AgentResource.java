package dev.takeover.agent.api;

import java.net.URI;
import java.util.List;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.takeover.agent.Agent;
import dev.takeover.agent.Presence;
import dev.takeover.agent.Routing;
import dev.takeover.common.http.ProblemException;
import dev.takeover.events.Fields;

@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final Routing routing;

    AgentResource(Routing routing) {
        this.routing = routing;
    }

    public record Registration(
            String id, String displayName, List<String> skills, List<String> languages, Integer capacity) {
        public Registration {
            Fields.requireText(id, "id");
            Fields.requireText(displayName, "displayName");
            skills = Fields.listOrEmpty(skills);
            languages = Fields.listOrEmpty(languages);
            if (capacity == null || capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1");
            }
        }
    }

    public record PresenceChange(Presence presence) {
        public PresenceChange {
            Fields.require(presence, "presence");
        }
    }

    public record AgentView(
            String id,
            String displayName,
            List<String> skills,
            List<String> languages,
            int capacity,
            Presence presence,
            int activeConversations) {
        static AgentView of(Agent agent) {
            return new AgentView(
                    agent.agentId,
                    agent.displayName,
                    agent.skills,
                    agent.languages,
                    agent.capacity,
                    agent.presence,
                    agent.activeConversations);
        }
    }

    @POST
    public Response register(Registration registration) {
        Agent agent = routing.register(Agent.register(
                registration.id(),
                registration.displayName(),
                registration.skills(),
                registration.languages(),
                registration.capacity()));
        return Response.created(URI.create("/agents/" + agent.agentId))
                .entity(AgentView.of(agent))
                .build();
    }

    @GET
    @Path("/{id}")
    public AgentView agent(@PathParam("id") String id) {
        return Agent.<Agent>findByIdOptional(id)
                .map(AgentView::of)
                .orElseThrow(() -> ProblemException.notFound("no agent " + id));
    }

    @PUT
    @Path("/{id}/presence")
    public AgentView changePresence(@PathParam("id") String id, PresenceChange change) {
        if (change == null) {
            throw ProblemException.badRequest("a body with the presence is required");
        }
        return AgentView.of(routing.changePresence(id, change.presence()));
    }
}
