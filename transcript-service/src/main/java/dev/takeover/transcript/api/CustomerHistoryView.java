package dev.takeover.transcript.api;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.transcript.read.ConversationRecord;
import dev.takeover.transcript.read.StoredEntry;

/** A customer's conversations across channels, newest first: when, where, what about, how it ended, who handled it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerHistoryView(String customerId, String customerName, List<ConversationSummary> conversations) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConversationSummary(
            String conversationId,
            String channel,
            String language,
            Instant startedAt,
            Instant lastActivityAt,
            int entries,
            ControlState controlState,
            List<TranscriptView.AgentView> handledBy,
            List<String> intents,
            List<String> handoverReasons,
            String handoverSummary) {}

    /** The entries passed per conversation are its analyses and handover requests, in order. */
    static CustomerHistoryView of(
            String customerId, List<ConversationRecord> conversations, Map<String, List<StoredEntry>> highlights) {
        List<ConversationSummary> summaries = conversations.stream()
                .map(conversation ->
                        summary(conversation, highlights.getOrDefault(conversation.conversationId(), List.of())))
                .toList();
        String name = conversations.stream()
                .map(ConversationRecord::customerName)
                .filter(found -> found != null)
                .findFirst()
                .orElse(null);
        return new CustomerHistoryView(customerId, name, summaries);
    }

    private static ConversationSummary summary(ConversationRecord conversation, List<StoredEntry> highlights) {
        Set<String> intents = new LinkedHashSet<>();
        HandoverRequested lastHandover = null;
        for (StoredEntry entry : highlights) {
            ConversationEvent event = entry.event().orElse(null);
            if (event instanceof MessageAnalyzed analysis) {
                intents.add(analysis.intent().name());
            } else if (event instanceof HandoverRequested handover) {
                lastHandover = handover;
            }
        }
        return new ConversationSummary(
                conversation.conversationId(),
                conversation.channel(),
                conversation.language(),
                conversation.startedAt(),
                conversation.lastActivityAt(),
                conversation.entryCount(),
                conversation.controlState(),
                conversation.handledBy().stream()
                        .map(agent -> new TranscriptView.AgentView(agent.agentId(), agent.agentName(), true))
                        .toList(),
                List.copyOf(intents),
                lastHandover == null
                        ? List.of()
                        : lastHandover.reasons().stream()
                                .map(HandoverRequested.Reason::code)
                                .toList(),
                lastHandover == null || lastHandover.handoverPackage().summary().isBlank()
                        ? null
                        : lastHandover.handoverPackage().summary());
    }
}
