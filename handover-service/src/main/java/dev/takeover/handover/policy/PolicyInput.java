package dev.takeover.handover.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.takeover.events.Fields;
import dev.takeover.events.bot.MessageAnalyzed.Critical;
import dev.takeover.events.handover.HandoverRequested.Priority;

/**
 * What the policy sees of a conversation: who the customer is, their analysed messages in order (the last one is the
 * message being decided on), their earlier contacts on record, and the known incident it matches, if any.
 */
public record PolicyInput(
        String conversationId,
        String customerId,
        Map<String, String> attributes,
        List<Turn> turns,
        List<EarlierContact> earlierContacts,
        Incident incident) {

    public PolicyInput {
        attributes = Fields.mapOrEmpty(attributes);
        turns = Fields.listOrEmpty(turns);
        earlierContacts = Fields.listOrEmpty(earlierContacts);
    }

    public Turn latest() {
        return turns.get(turns.size() - 1);
    }

    public PolicyInput upTo(int turnCount) {
        return new PolicyInput(
                conversationId, customerId, attributes, turns.subList(0, turnCount), earlierContacts, incident);
    }

    /**
     * One analysed customer message. {@code afterBotPurpose} is the purpose of the bot message just before it;
     * {@code critical} the critical issue the bot recognised in it, whatever its intent, or null.
     */
    public record Turn(
            String messageId,
            Instant at,
            String intent,
            double confidence,
            double sentiment,
            double frustration,
            boolean humanRequested,
            boolean outOfScope,
            boolean failedClarification,
            boolean answerRejected,
            String afterBotPurpose,
            Critical critical) {

        /** A turn without a critical issue. */
        public Turn(
                String messageId,
                Instant at,
                String intent,
                double confidence,
                double sentiment,
                double frustration,
                boolean humanRequested,
                boolean outOfScope,
                boolean failedClarification,
                boolean answerRejected,
                String afterBotPurpose) {
            this(
                    messageId,
                    at,
                    intent,
                    confidence,
                    sentiment,
                    frustration,
                    humanRequested,
                    outOfScope,
                    failedClarification,
                    answerRejected,
                    afterBotPurpose,
                    null);
        }
    }

    /** Another conversation of the same customer, and the topic (intent) it was about. */
    public record EarlierContact(String conversationId, String topic, Instant at) {}

    /** A declared incident this conversation matches. */
    public record Incident(String incidentId, String description, Priority priority) {}
}
