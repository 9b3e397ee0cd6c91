package dev.takeover.agent.feedback;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.takeover.agent.api.CurrentCaller;
import dev.takeover.common.http.HasText;
import dev.takeover.common.http.Roles;
import dev.takeover.events.agent.BotAnswerFlagged;

@Path("/conversations/{conversationId}/bot-answer-flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Tag(name = "Conversations", description = "Accept, decline, reply, note, transfer, resolve, hand back")
public class BotAnswerFlagResource {

    private static final int COMMENT_LENGTH = 1000;

    private final BotFeedback feedback;
    private final CurrentCaller caller;

    BotAnswerFlagResource(BotFeedback feedback, CurrentCaller caller) {
        this.feedback = feedback;
        this.caller = caller;
    }

    /** {@code messageId} is the bot's message; {@code flagId} makes a retry safe. */
    public record Flag(
            @HasText String messageId,
            String expectedIntent,
            @Size(max = COMMENT_LENGTH) String comment,
            String flagId) {}

    @POST
    @Operation(
            summary = "Flag a bot answer as wrong, optionally naming the intent it should have been",
            description = "Published as agent.bot-answer-flagged.v1 on agent.events. Idempotent by flagId.")
    @APIResponse(responseCode = "201", description = "Flagged")
    @APIResponse(responseCode = "403", description = "Not a conversation I handle or handled")
    public Response flag(@PathParam("conversationId") String conversationId, @Valid @NotNull Flag flag) {
        BotAnswerFlagged flagged = feedback.flag(
                conversationId, caller.get(), flag.messageId(), flag.expectedIntent(), flag.comment(), flag.flagId());
        return Response.status(Response.Status.CREATED).entity(flagged).build();
    }
}
