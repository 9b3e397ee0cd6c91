package dev.takeover.transcript.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.agent.BotAnswerFlagged;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.SatisfactionRated;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.transcript.ingest.LogEntry;
import dev.takeover.transcript.privacy.CustomerHash;

/**
 * What the new entries of one batch add to a conversation's analytics row, folded so each conversation is written once.
 * Counts add up, first times take the earliest and the end the latest, so the row is the same whatever order the
 * entries arrive in; only entries the log has not stored before are folded in, which makes a redelivery change nothing.
 */
public record AnalyticsChange(
        String conversationId,
        Instant startedAt,
        String channel,
        String language,
        String customerHash,
        String intent,
        Instant intentAt,
        int customerMessages,
        int clarifications,
        int rejections,
        int botFailures,
        int flags,
        Instant handoverRequestedAt,
        SortedSet<String> handoverReasons,
        Instant firstOfferedAt,
        Instant assignedAt,
        Instant firstAgentReplyAt,
        Instant endedAt,
        Ratings ratings) {

    /** The bot's reply that asks the customer which of two topics they meant. */
    public static final String CLARIFICATION = "CLARIFICATION";

    /** What one new entry, and the event it holds, adds. */
    public static AnalyticsChange of(LogEntry entry, ConversationEvent event) {
        Builder change = new Builder(entry.conversationId(), entry.occurredAt());
        if (event instanceof InboundMessage) {
            // The conversation is where and in what language the customer first wrote; an erased customer is unknown.
            String customerId = entry.facts().customerId();
            change.channel = entry.facts().channel();
            change.language = entry.facts().language();
            change.customerHash = customerId == null ? null : CustomerHash.of(customerId);
            change.customerMessages = 1;
        } else if (event instanceof MessageAnalyzed analysis) {
            change.intent = analysis.intent().name();
            change.intentAt = entry.occurredAt();
            change.rejections = analysis.rejectedTheBot() ? 1 : 0;
            boolean failed = analysis.failedClarification()
                    || (analysis.consecutiveBotFailures() != null && analysis.consecutiveBotFailures() > 0);
            change.botFailures = failed ? 1 : 0;
        } else if (event instanceof MessageSent sent) {
            if (sent.sender().type() == Sender.Type.BOT && CLARIFICATION.equals(sent.purpose())) {
                change.clarifications = 1;
            } else if (sent.sender().type() == Sender.Type.AGENT) {
                change.firstAgentReplyAt = sent.sentAt();
            }
        } else if (event instanceof SatisfactionRated rated) {
            change.ratings = Ratings.of(rated);
        } else if (event instanceof BotAnswerFlagged) {
            change.flags = 1;
        } else if (event instanceof HandoverRequested requested) {
            change.handoverRequestedAt = requested.requestedAt();
            requested.reasons().forEach(reason -> change.handoverReasons.add(reason.code()));
        } else if (event instanceof ConversationOffered offered) {
            change.firstOfferedAt = offered.offeredAt();
        } else if (event instanceof ConversationAssigned assigned) {
            change.assignedAt = assigned.assignedAt();
        } else if (event instanceof ConversationResolved resolved) {
            change.endedAt = resolved.resolvedAt();
        } else if (event instanceof ConversationHandedBack handedBack) {
            change.endedAt = handedBack.handedBackAt();
        }
        return change.build();
    }

    /** Each conversation of the batch once, sorted by id: rows are written in the order the log locks them. */
    public static List<AnalyticsChange> fold(List<AnalyticsChange> changes) {
        SortedMap<String, AnalyticsChange> folded = new TreeMap<>();
        changes.forEach(change -> folded.merge(change.conversationId(), change, AnalyticsChange::plus));
        return new ArrayList<>(folded.values());
    }

    /** This change and then a later one: the first channel, language and intent told stay the conversation's. */
    public AnalyticsChange plus(AnalyticsChange other) {
        SortedSet<String> reasons = new TreeSet<>(handoverReasons);
        reasons.addAll(other.handoverReasons);
        boolean otherIntentFirst = other.intentAt != null && (intentAt == null || other.intentAt.isBefore(intentAt));
        return new AnalyticsChange(
                conversationId,
                earliest(startedAt, other.startedAt),
                channel != null ? channel : other.channel,
                language != null ? language : other.language,
                customerHash != null ? customerHash : other.customerHash,
                otherIntentFirst ? other.intent : intent,
                otherIntentFirst ? other.intentAt : intentAt,
                customerMessages + other.customerMessages,
                clarifications + other.clarifications,
                rejections + other.rejections,
                botFailures + other.botFailures,
                flags + other.flags,
                earliest(handoverRequestedAt, other.handoverRequestedAt),
                reasons,
                earliest(firstOfferedAt, other.firstOfferedAt),
                earliest(assignedAt, other.assignedAt),
                earliest(firstAgentReplyAt, other.firstAgentReplyAt),
                latest(endedAt, other.endedAt),
                ratings.plus(other.ratings));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static final class Builder {
        private final String conversationId;
        private final Instant startedAt;
        private String channel;
        private String language;
        private String customerHash;
        private String intent;
        private Instant intentAt;
        private int customerMessages;
        private int clarifications;
        private int rejections;
        private int botFailures;
        private int flags;
        private Instant handoverRequestedAt;
        private final SortedSet<String> handoverReasons = new TreeSet<>();
        private Instant firstOfferedAt;
        private Instant assignedAt;
        private Instant firstAgentReplyAt;
        private Instant endedAt;
        private Ratings ratings = Ratings.NONE;

        Builder(String conversationId, Instant startedAt) {
            this.conversationId = conversationId;
            this.startedAt = startedAt;
        }

        AnalyticsChange build() {
            return new AnalyticsChange(
                    conversationId,
                    startedAt,
                    channel,
                    language,
                    customerHash,
                    intent,
                    intentAt,
                    customerMessages,
                    clarifications,
                    rejections,
                    botFailures,
                    flags,
                    handoverRequestedAt,
                    handoverReasons,
                    firstOfferedAt,
                    assignedAt,
                    firstAgentReplyAt,
                    endedAt,
                    ratings);
        }
    }
}
