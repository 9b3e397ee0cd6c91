package dev.takeover.handover.api;

import java.time.Instant;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.takeover.common.http.Roles;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.handover.ControlTransition;
import dev.takeover.handover.Conversation;
import dev.takeover.handover.Handover;

/** Who is in charge of a conversation right now, why, and every transition that led there. */
@Path("/conversations/{id}/control")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
public class ControlStateResource {

    public record Transition(
            String handoverId, ControlState from, ControlState to, String cause, String detail, Instant changedAt) {}

    public record ControlView(
            String conversationId,
            ControlState state,
            String handoverId,
            String cause,
            Priority priority,
            List<Reason> reasons,
            List<String> requiredSkills,
            Integer queuePosition,
            Long expectedWaitSeconds,
            String agentName,
            String incidentId,
            List<Transition> transitions) {}

    @Operation(summary = "Who is in charge of a conversation: the bot, the queue or an agent")
    @GET
    public ControlView control(@PathParam("id") String conversationId) {
        Conversation conversation = Conversation.findById(conversationId);
        List<Transition> transitions = ControlTransition.of(conversationId).stream()
                .map(t -> new Transition(t.handoverId, t.from, t.to, t.cause, t.detail, t.changedAt))
                .toList();
        String incidentId = conversation == null ? null : conversation.incidentId;
        return Handover.latestFor(conversationId)
                .map(handover -> new ControlView(
                        conversationId,
                        handover.state,
                        handover.handoverId,
                        handover.cause,
                        handover.priority,
                        handover.reasons,
                        handover.requiredSkills,
                        handover.isWaiting() ? handover.notices().queuePosition() : null,
                        handover.isWaiting() ? handover.notices().expectedWaitSeconds() : null,
                        handover.agentName,
                        incidentId,
                        transitions))
                .orElseGet(() -> new ControlView(
                        conversationId,
                        ControlState.BOT,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        incidentId,
                        transitions));
    }
}
