package dev.takeover.handover.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.identity.SecurityIdentity;

import dev.takeover.common.http.HasText;
import dev.takeover.common.http.ProblemException;
import dev.takeover.common.http.Roles;
import dev.takeover.events.Fields;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.handover.Incident;
import dev.takeover.handover.Incidents;

/** Incident mode for operators: declare a known problem, see the active ones, end one. */
@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class IncidentResource {

    private final Incidents incidents;
    private final SecurityIdentity identity;

    IncidentResource(Incidents incidents, SecurityIdentity identity) {
        this.incidents = incidents;
        this.identity = identity;
    }

    /** {@code customerNotice} maps a language to what customers are told; our general notice where absent. */
    public record Declaration(
            @HasText String description,
            List<String> intents,
            List<String> keywords,
            Priority priority,
            Map<String, String> customerNotice) {
        public Declaration {
            intents = Fields.listOrEmpty(intents);
            keywords = Fields.listOrEmpty(keywords);
            customerNotice = Fields.mapOrEmpty(customerNotice);
        }
    }

    public record IncidentView(
            String incidentId,
            String description,
            List<String> intents,
            List<String> keywords,
            Priority priority,
            Map<String, String> customerNotice,
            String declaredBy,
            Instant declaredAt,
            Instant endedAt,
            Integer taggedConversations,
            Integer untaggedConversations) {

        static IncidentView of(Incident incident, Integer tagged, Integer untagged) {
            return new IncidentView(
                    incident.incidentId,
                    incident.description,
                    incident.intents,
                    incident.keywords,
                    incident.priority,
                    incident.customerNotice,
                    incident.declaredBy,
                    incident.declaredAt,
                    incident.endedAt,
                    tagged,
                    untagged);
        }
    }

    @Operation(summary = "Declares a known incident: matching conversations are tagged, prioritised and told about it")
    @APIResponse(responseCode = "201", description = "Declared, with the conversations it tagged")
    @POST
    public Response declare(@Valid @NotNull Declaration declaration) {
        Incidents.Declared declared = incidents.declare(
                declaration.description(),
                declaration.intents(),
                declaration.keywords(),
                declaration.priority(),
                declaration.customerNotice(),
                identity.getPrincipal().getName());
        return Response.created(URI.create("/incidents/" + declared.incident().incidentId))
                .entity(IncidentView.of(declared.incident(), declared.taggedConversations(), null))
                .build();
    }

    @Operation(summary = "The incidents, or only the active ones")
    @GET
    public List<IncidentView> list(@QueryParam("active") boolean activeOnly) {
        return incidents.list(activeOnly).stream()
                .map(incident -> IncidentView.of(incident, null, null))
                .toList();
    }

    @Operation(summary = "One incident")
    @GET
    @Path("/{id}")
    public IncidentView incident(@PathParam("id") String id) {
        return Incident.<Incident>findByIdOptional(id)
                .map(incident -> IncidentView.of(incident, null, null))
                .orElseThrow(() -> ProblemException.notFound("no incident " + id));
    }

    /** Takes no body: ending needs nothing but the incident. */
    @Operation(summary = "Ends an incident and untags its conversations")
    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.WILDCARD)
    public IncidentView end(@PathParam("id") String id) {
        Incidents.Ended ended = incidents.end(id);
        return IncidentView.of(ended.incident(), null, ended.untaggedConversations());
    }
}
