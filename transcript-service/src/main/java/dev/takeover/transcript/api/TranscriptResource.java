package dev.takeover.transcript.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.takeover.common.http.ProblemException;
import dev.takeover.common.http.Roles;
import dev.takeover.transcript.EntryKind;
import dev.takeover.transcript.EntrySender;
import dev.takeover.transcript.TranscriptConfig;
import dev.takeover.transcript.export.ConversationExports;
import dev.takeover.transcript.read.ConversationRecord;
import dev.takeover.transcript.read.Cursor;
import dev.takeover.transcript.read.HandoverPackageView;
import dev.takeover.transcript.read.StoredEntry;
import dev.takeover.transcript.read.Transcripts;

@Path("/conversations/{conversationId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
public class TranscriptResource {

    private static final int EARLIER_CONTACTS_LOOKED_AT = 20;

    private final Transcripts transcripts;
    private final ReadAccess access;
    private final ConversationExports exports;
    private final TranscriptConfig config;

    TranscriptResource(
            Transcripts transcripts, ReadAccess access, ConversationExports exports, TranscriptConfig config) {
        this.transcripts = transcripts;
        this.access = access;
        this.exports = exports;
        this.config = config;
    }

    /**
     * Every entry by default; {@code include} narrows it to some of {@code messages, analyses, events, notes}.
     * Customer messages carry their analysis whenever analyses are included.
     */
    @Operation(summary = "A conversation's transcript, page by page")
    @GET
    @Path("/transcript")
    public TranscriptView transcript(
            @PathParam("conversationId") String conversationId,
            @QueryParam("include") String include,
            @QueryParam("limit") Integer limit,
            @QueryParam("after") String after) {
        Set<EntryKind> kinds = EntryKind.parseFilter(include);
        int pageSize = pageSize(limit);
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.parse(after);
        ConversationRecord conversation = access.conversation(conversationId);

        List<StoredEntry> page = transcripts.page(conversationId, kinds, cursor, pageSize + 1);
        boolean more = page.size() > pageSize;
        List<StoredEntry> entries = more ? page.subList(0, pageSize) : page;
        Map<String, String> analyses = kinds.contains(EntryKind.ANALYSIS)
                ? transcripts.analysesOf(
                        conversationId,
                        entries.stream()
                                .filter(entry -> entry.sender().type() == EntrySender.Type.CUSTOMER)
                                .map(StoredEntry::key)
                                .toList())
                : Map.of();
        return TranscriptView.of(
                conversation,
                entries.stream()
                        .map(entry -> TranscriptView.EntryView.of(entry, analyses))
                        .toList(),
                pageSize,
                more ? entries.get(entries.size() - 1).position().token() : null);
    }

    @Operation(
            summary =
                    "What an agent needs at takeover: the handover's summary, the bot's attempts and the customer's data")
    @GET
    @Path("/handover-package")
    public HandoverPackageView handoverPackage(@PathParam("conversationId") String conversationId) {
        ConversationRecord conversation = access.conversation(conversationId);
        return packageView(conversation)
                .orElseThrow(() ->
                        ProblemException.notFound("nobody has asked for a person in conversation " + conversationId));
    }

    /**
     * The conversation for another system: {@code format=json} (the default) or {@code format=bot-framework}, a
     * {@code handoff.initiate} event activity with the transcript attached. Exports mask personal data as configured
     * and leave internal notes out unless {@code include} asks for them.
     */
    @Operation(summary = "Exports a conversation, masked, as JSON or as a Bot Framework handoff activity")
    @APIResponse(responseCode = "200", description = "The export, as an attachment")
    @GET
    @Path("/export")
    public Response export(
            @PathParam("conversationId") String conversationId,
            @QueryParam("format") String format,
            @QueryParam("include") String include) {
        Set<EntryKind> kinds = include == null || include.isBlank()
                ? Set.of(EntryKind.MESSAGE, EntryKind.ANALYSIS, EntryKind.EVENT)
                : EntryKind.parseFilter(include);
        ConversationRecord conversation = access.conversation(conversationId);
        String chosen = format == null || format.isBlank() ? "json" : format;
        Object body = switch (chosen) {
            case "json" -> exports.json(conversation, kinds, access.reader());
            case "bot-framework" -> exports.botFramework(conversation, packageView(conversation));
            default -> throw ProblemException.badRequest("format must be json or bot-framework, not " + chosen);
        };
        return Response.ok(body)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"conversation-" + conversationId.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                                + chosen + ".json\"")
                .build();
    }

    private Optional<HandoverPackageView> packageView(ConversationRecord conversation) {
        List<StoredEntry> entries = transcripts.entries(
                conversation.conversationId(), Set.of(EntryKind.MESSAGE, EntryKind.ANALYSIS, EntryKind.EVENT));
        List<ConversationRecord> customersConversations = conversation.customerId() == null
                ? List.of()
                : transcripts.conversationsOf(conversation.customerId(), EARLIER_CONTACTS_LOOKED_AT);
        return HandoverPackageView.assemble(conversation, entries, customersConversations);
    }

    private int pageSize(Integer limit) {
        if (limit == null) {
            return config.paging().defaultSize();
        }
        if (limit < 1 || limit > config.paging().maxSize()) {
            throw ProblemException.badRequest(
                    "limit must be between 1 and " + config.paging().maxSize());
        }
        return limit;
    }
}
