package dev.takeover.agent.canned;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import io.quarkus.security.identity.SecurityIdentity;

import dev.takeover.common.http.HasText;
import dev.takeover.common.http.Roles;

@Path("/canned-replies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Tag(name = "Canned replies", description = "Replies agents use often, per language; supervisors edit them")
public class CannedReplyResource {

    private final CannedReplies replies;
    private final SecurityIdentity identity;

    CannedReplyResource(CannedReplies replies, SecurityIdentity identity) {
        this.replies = replies;
        this.identity = identity;
    }

    /** {@code title} defaults to the shortcut. */
    public record Draft(
            @HasText String language,
            @HasText String shortcut,
            @Size(max = CannedReply.TITLE_LENGTH) String title,
            @HasText @Size(max = CannedReply.TEXT_LENGTH) String text) {}

    public record CannedReplyView(
            String id,
            String language,
            String shortcut,
            String title,
            String text,
            Instant updatedAt,
            String updatedBy) {
        static CannedReplyView of(CannedReply reply) {
            return new CannedReplyView(
                    reply.replyId,
                    reply.language,
                    reply.shortcut,
                    reply.title,
                    reply.text,
                    reply.updatedAt,
                    reply.updatedBy);
        }
    }

    @GET
    @Operation(summary = "The catalogue, or one language's part of it, ordered by shortcut")
    public List<CannedReplyView> catalogue(@QueryParam("language") String language) {
        return replies.catalogue(language).stream().map(CannedReplyView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Add a canned reply (supervisors)")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "409", description = "The language already has a reply with this shortcut")
    public Response add(@Valid @NotNull Draft draft) {
        CannedReply reply = replies.add(draft.language(), draft.shortcut(), draft.title(), draft.text(), supervisor());
        return Response.created(URI.create("/canned-replies/" + reply.replyId))
                .entity(CannedReplyView.of(reply))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Change a canned reply (supervisors)")
    @APIResponse(responseCode = "200", description = "The reply as changed")
    @APIResponse(responseCode = "404", description = "No such reply")
    @APIResponse(responseCode = "409", description = "The language already has a reply with this shortcut")
    public CannedReplyView change(@PathParam("id") String id, @Valid @NotNull Draft draft) {
        return CannedReplyView.of(
                replies.change(id, draft.language(), draft.shortcut(), draft.title(), draft.text(), supervisor()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Delete a canned reply (supervisors)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such reply")
    public void remove(@PathParam("id") String id) {
        replies.remove(id);
    }

    private String supervisor() {
        return identity.getPrincipal().getName();
    }
}
