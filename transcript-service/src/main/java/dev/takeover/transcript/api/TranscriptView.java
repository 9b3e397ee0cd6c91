package dev.takeover.transcript.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import dev.takeover.events.handover.ControlState;
import dev.takeover.transcript.EntryKind;
import dev.takeover.transcript.EntrySender;
import dev.takeover.transcript.read.ConversationRecord;
import dev.takeover.transcript.read.StoredEntry;

/** One page of a conversation's transcript, in conversation order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranscriptView(
        String conversationId,
        CustomerView customer,
        String channel,
        String language,
        ControlState controlState,
        Instant startedAt,
        Instant lastActivityAt,
        boolean erased,
        List<AgentView> agents,
        List<EntryView> entries,
        PageView page) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerView(String id, String name) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentView(String agentId, String agentName, boolean handled) {
        static List<AgentView> of(ConversationRecord conversation) {
            return conversation.agents().stream()
                    .map(agent -> new AgentView(agent.agentId(), agent.agentName(), agent.handled()))
                    .toList();
        }
    }

    /** {@code next} is the {@code after} of the following page, absent on the last one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageView(int limit, String next) {}

    /**
     * One entry: its event type and kind, who it came from, when, its text where it has one, the bot's analysis for a
     * customer message, and the event as published ({@code data}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryView(
            String eventId,
            String type,
            EntryKind kind,
            boolean internal,
            Instant occurredAt,
            EntrySender sender,
            String text,
            @JsonRawValue String analysis,
            Boolean erased,
            @JsonRawValue String data) {

        static EntryView of(StoredEntry entry, Map<String, String> analysesByMessage) {
            return new EntryView(
                    entry.key(),
                    entry.type(),
                    entry.kind(),
                    entry.kind().isInternal(),
                    entry.occurredAt(),
                    entry.sender(),
                    entry.text(),
                    analysesByMessage.get(entry.key()),
                    entry.erased() ? Boolean.TRUE : null,
                    entry.payloadJson());
        }
    }

    static TranscriptView of(ConversationRecord conversation, List<EntryView> entries, int limit, String next) {
        return new TranscriptView(
                conversation.conversationId(),
                conversation.customerId() == null && conversation.customerName() == null
                        ? null
                        : new CustomerView(conversation.customerId(), conversation.customerName()),
                conversation.channel(),
                conversation.language(),
                conversation.controlState(),
                conversation.startedAt(),
                conversation.lastActivityAt(),
                conversation.isErased(),
                AgentView.of(conversation),
                entries,
                new PageView(limit, next));
    }
}
