package dev.takeover.transcript.ingest;

import java.time.Instant;

/** What the new entries of one batch change about their conversation, folded so each conversation is written once. */
public record ConversationChange(
        String conversationId,
        Instant startedAt,
        Instant lastActivityAt,
        int entries,
        String customerId,
        String customerName,
        String channel,
        String language,
        ControlStateChange controlState) {

    public static ConversationChange of(LogEntry entry) {
        ConversationFacts facts = entry.facts();
        return new ConversationChange(
                entry.conversationId(),
                entry.occurredAt(),
                entry.occurredAt(),
                1,
                facts.customerId(),
                facts.customerName(),
                facts.channel(),
                facts.language(),
                entry.controlState());
    }

    /**
     * Adds a later entry: the customer and channel first told stay, the latest name and language win, and the control
     * state with the latest time wins.
     */
    public ConversationChange plus(LogEntry later) {
        ConversationFacts facts = later.facts();
        ControlStateChange state = later.controlState();
        return new ConversationChange(
                conversationId,
                later.occurredAt().isBefore(startedAt) ? later.occurredAt() : startedAt,
                later.occurredAt().isAfter(lastActivityAt) ? later.occurredAt() : lastActivityAt,
                entries + 1,
                customerId != null ? customerId : facts.customerId(),
                facts.customerName() != null ? facts.customerName() : customerName,
                channel != null ? channel : facts.channel(),
                facts.language() != null ? facts.language() : language,
                state != null && state.isLaterThan(controlState) ? state : controlState);
    }
}
