package dev.takeover.transcript.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.common.http.ProblemException;
import dev.takeover.events.EventCodec;
import dev.takeover.transcript.TranscriptEntry;

@Path("/conversations/{conversationId}")
@Produces(MediaType.APPLICATION_JSON)
public class TranscriptResource {

    public record Transcript(String conversationId, List<Entry> entries) {}

    public record Entry(String type, Instant occurredAt, JsonNode data) {
        static Entry of(TranscriptEntry entry) {
            try {
                return new Entry(
                        entry.eventType, entry.occurredAt, EventCodec.mapper().readTree(entry.payload));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @GET
    @Path("/transcript")
    public Transcript transcript(@PathParam("conversationId") String conversationId) {
        List<TranscriptEntry> entries = TranscriptEntry.ofConversation(conversationId);
        if (entries.isEmpty()) {
            throw ProblemException.notFound("no conversation " + conversationId);
        }
        return new Transcript(conversationId, entries.stream().map(Entry::of).toList());
    }
}
