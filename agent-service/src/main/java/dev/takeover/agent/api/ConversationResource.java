package dev.takeover.agent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.takeover.agent.ConversationView;
import dev.takeover.agent.Desk;
import dev.takeover.agent.Takeover;
import dev.takeover.common.domain.Caller;
import dev.takeover.common.http.HasText;
import dev.takeover.common.http.ProblemException;
import dev.takeover.common.http.Roles;
import dev.takeover.events.agent.InternalNoteAdded;

/** What an agent does with a conversation; thin: the rules live in {@link Desk}. */
@Path("/conversations/{conversationId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Tag(name = "Conversations", description = "Accept, decline, reply, note, transfer, resolve, hand back")
public class ConversationResource {

    private final Desk desk;
    private final CurrentCaller caller;

    ConversationResource(Desk desk, CurrentCaller caller) {
        this.desk = desk;
        this.caller = caller;
    }

    public record Reply(@HasText String text, String messageId) {}

    public record Sent(String messageId) {}

    public record Note(@HasText String text) {}

    public record Transfer(String toAgentId, String toTeam, String note) {
        public Transfer {
            if ((toAgentId == null || toAgentId.isBlank()) == (toTeam == null || toTeam.isBlank())) {
                throw new IllegalArgumentException("exactly one of toAgentId and toTeam is required");
            }
        }
    }

    public record Resolution(String summary) {}

    public record HandBack(String note) {}

    @GET
    @Transactional
    @Operation(summary = "The conversation's handover as agent-service sees it (its agent, or a supervisor)")
    @APIResponse(responseCode = "200", description = "The handover")
    @APIResponse(responseCode = "404", description = "No handover for this conversation")
    public ConversationView conversation(@PathParam("conversationId") String conversationId) {
        Caller me = caller.get();
        Takeover takeover = Takeover.latestFor(conversationId)
                .orElseThrow(() -> ProblemException.notFound("no handover for conversation " + conversationId));
        if (!me.supervisor() && !me.is(takeover.agentId)) {
            throw ProblemException.forbidden("conversation " + conversationId + " is not with " + me.id());
        }
        return ConversationView.of(takeover);
    }

    @POST
    @Path("/accept")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Accept the offer made to me, or take a waiting conversation I am suitable for",
            description = "Of two agents accepting at once exactly one wins; the other gets 409.")
    @APIResponse(responseCode = "200", description = "Assigned to me")
    @APIResponse(responseCode = "409", description = "Offered to or accepted by another agent, or closed")
    public ConversationView accept(@PathParam("conversationId") String conversationId) {
        return ConversationView.of(desk.accept(conversationId, caller.get()));
    }

    @POST
    @Path("/decline")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Decline the offer made to me; it goes to the next agent, never back to me this round")
    @APIResponse(responseCode = "200", description = "Declined; the offer went back to the queue")
    @APIResponse(responseCode = "409", description = "Not offered to me")
    public ConversationView decline(@PathParam("conversationId") String conversationId) {
        return ConversationView.of(desk.decline(conversationId, caller.get()));
    }

    @POST
    @Path("/messages")
    @Operation(
            summary = "Reply to the customer as me (published on conversation.outbound)",
            description = "Idempotent by messageId: a retried request with the same messageId is not sent twice.")
    @APIResponse(responseCode = "202", description = "Accepted for delivery")
    @APIResponse(responseCode = "403", description = "The conversation is not assigned to me")
    public Response reply(@PathParam("conversationId") String conversationId, @Valid Reply reply) {
        AgentResource.requireBody(reply);
        String messageId = desk.reply(conversationId, caller.get(), reply.text(), reply.messageId());
        return Response.accepted(new Sent(messageId)).build();
    }

    @POST
    @Path("/notes")
    @Operation(summary = "Add an internal note, which the customer never sees")
    @APIResponse(responseCode = "201", description = "Added")
    public Response note(@PathParam("conversationId") String conversationId, @Valid Note note) {
        AgentResource.requireBody(note);
        InternalNoteAdded added = desk.note(conversationId, caller.get(), note.text());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @POST
    @Path("/transfer")
    @Operation(summary = "Transfer to another agent or to a team, with a note (supervisors: reassign any conversation)")
    @APIResponse(responseCode = "200", description = "Transferred")
    @APIResponse(responseCode = "409", description = "The target agent is offline or has no free capacity")
    public ConversationView transfer(@PathParam("conversationId") String conversationId, Transfer transfer) {
        AgentResource.requireBody(transfer);
        return ConversationView.of(desk.transfer(
                conversationId,
                caller.get(),
                blankToNull(transfer.toAgentId()),
                blankToNull(transfer.toTeam()),
                transfer.note()));
    }

    @POST
    @Path("/resolve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Resolve: the customer's request is solved")
    public ConversationView resolve(@PathParam("conversationId") String conversationId, Resolution resolution) {
        return ConversationView.of(
                desk.resolve(conversationId, caller.get(), resolution == null ? null : resolution.summary()));
    }

    @POST
    @Path("/hand-back")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Hand the conversation back to the bot, with a note on what it should know")
    public ConversationView handBack(@PathParam("conversationId") String conversationId, HandBack handBack) {
        return ConversationView.of(
                desk.handBack(conversationId, caller.get(), handBack == null ? null : handBack.note()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
