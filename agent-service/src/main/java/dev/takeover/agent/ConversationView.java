package dev.takeover.agent;

import java.time.Instant;
import java.util.List;

import dev.takeover.agent.customer.ConversationMood;
import dev.takeover.events.handover.HandoverRequested.Priority;

/** A takeover as agents and the console see it, with the customer's latest mood when the bot has analysed them. */
public record ConversationView(
        String conversationId,
        String handoverId,
        TakeoverState state,
        String agentId,
        String customerId,
        String customerName,
        String channel,
        String language,
        List<String> requiredSkills,
        String team,
        Priority priority,
        List<String> reasons,
        String summary,
        Instant requestedAt,
        Instant offeredAt,
        Instant offerExpiresAt,
        Instant assignedAt,
        Instant closedAt,
        String closeReason,
        int round,
        Mood mood) {

    /** The sentiment label (NEGATIVE, NEUTRAL, POSITIVE), its score from -1 to 1 and the frustration from 0 to 1. */
    public record Mood(String sentiment, double score, double frustration, Instant analysedAt) {}

    public static ConversationView of(Takeover takeover) {
        Mood mood = ConversationMood.of(takeover.conversationId)
                .map(found -> new Mood(found.sentimentLabel, found.sentimentScore, found.frustration, found.analysedAt))
                .orElse(null);
        return new ConversationView(
                takeover.conversationId,
                takeover.handoverId,
                takeover.state,
                takeover.agentId,
                takeover.customerId,
                takeover.customerName,
                takeover.channel,
                takeover.language,
                takeover.requiredSkills,
                takeover.team,
                takeover.priority(),
                takeover.reasons,
                takeover.summary,
                takeover.requestedAt,
                takeover.offeredAt,
                takeover.offerExpiresAt,
                takeover.assignedAt,
                takeover.closedAt,
                takeover.closeReason,
                takeover.round,
                mood);
    }
}
