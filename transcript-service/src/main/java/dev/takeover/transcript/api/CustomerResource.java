package dev.takeover.transcript.api;

import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.takeover.common.http.ProblemException;
import dev.takeover.common.http.Roles;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.transcript.privacy.CustomerErasure;
import dev.takeover.transcript.read.ConversationRecord;
import dev.takeover.transcript.read.Transcripts;

@Path("/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final Transcripts transcripts;
    private final ReadAccess access;
    private final CustomerErasure erasure;

    CustomerResource(Transcripts transcripts, ReadAccess access, CustomerErasure erasure) {
        this.transcripts = transcripts;
        this.access = access;
        this.erasure = erasure;
    }

    /** Supervisors see every customer; an agent a customer one of whose conversations they may read. */
    @Operation(summary = "A customer's conversations, newest first")
    @GET
    @Path("/conversations")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    public CustomerHistoryView conversations(
            @PathParam("customerId") String customerId, @QueryParam("limit") Integer limit) {
        int wanted = limit == null ? DEFAULT_LIMIT : limit;
        if (wanted < 1 || wanted > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        List<ConversationRecord> conversations = access.customerHistory(customerId, wanted);
        return CustomerHistoryView.of(
                customerId,
                conversations,
                transcripts.entriesOfTypes(
                        conversations.stream()
                                .map(ConversationRecord::conversationId)
                                .toList(),
                        List.of(MessageAnalyzed.TYPE.name(), HandoverRequested.TYPE.name())));
    }

    /**
     * Erases the customer's data here and has every other service erase theirs. Safe to repeat: a repeat finds nothing
     * left to anonymise, and still records the request.
     */
    @Operation(summary = "Erases a customer's personal data here and has every other service erase theirs")
    @DELETE
    @RolesAllowed(Roles.SUPERVISOR)
    public CustomerErasure.Receipt erase(@PathParam("customerId") String customerId) {
        return erasure.erase(customerId, access.reader().id());
    }
}
