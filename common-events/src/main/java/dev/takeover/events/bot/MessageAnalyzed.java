package dev.takeover.events.bot;

import java.util.List;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * bot-service's understanding of one customer message; exactly one per message. The fields after {@code outOfScope}
 * are optional (null when absent): the runners-up of the intent, whether the customer rejected the bot's previous
 * answer or failed its clarifying question, the cues behind the frustration score (such as SHOUTING, INSULT,
 * REJECTION, RECURRENCE, REPEATED_MESSAGE, BOT_FAILURES), how many bot turns in a row have failed, this one
 * included, and a critical issue the message reports (recognised whatever the catalogue, with its evidence).
 */
public record MessageAnalyzed(
        String conversationId,
        String messageId,
        String language,
        Intent intent,
        Sentiment sentiment,
        double frustration,
        boolean humanRequested,
        boolean outOfScope,
        List<Intent> alternatives,
        Boolean rejectedBotAnswer,
        Boolean clarificationFailed,
        List<String> signals,
        Integer consecutiveBotFailures,
        Critical critical)
        implements BotEvent {

    public static final EventType<MessageAnalyzed> TYPE =
            EventType.of("bot.message-analyzed.v1", Topic.BOT_ANALYSIS, MessageAnalyzed.class);

    public MessageAnalyzed {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(messageId, "messageId");
        Fields.requireText(language, "language");
        Fields.require(intent, "intent");
        Fields.require(sentiment, "sentiment");
        Fields.requireBetween(frustration, 0, 1, "frustration");
        alternatives = alternatives == null ? null : List.copyOf(alternatives);
        signals = signals == null ? null : List.copyOf(signals);
    }

    /** Everything but a critical issue. */
    public MessageAnalyzed(
            String conversationId,
            String messageId,
            String language,
            Intent intent,
            Sentiment sentiment,
            double frustration,
            boolean humanRequested,
            boolean outOfScope,
            List<Intent> alternatives,
            Boolean rejectedBotAnswer,
            Boolean clarificationFailed,
            List<String> signals,
            Integer consecutiveBotFailures) {
        this(
                conversationId,
                messageId,
                language,
                intent,
                sentiment,
                frustration,
                humanRequested,
                outOfScope,
                alternatives,
                rejectedBotAnswer,
                clarificationFailed,
                signals,
                consecutiveBotFailures,
                null);
    }

    /** The minimum fields only. */
    public MessageAnalyzed(
            String conversationId,
            String messageId,
            String language,
            Intent intent,
            Sentiment sentiment,
            double frustration,
            boolean humanRequested,
            boolean outOfScope) {
        this(
                conversationId,
                messageId,
                language,
                intent,
                sentiment,
                frustration,
                humanRequested,
                outOfScope,
                null,
                null,
                null,
                null,
                null);
    }

    /** True when the customer rejected the bot's previous answer ("that didn't help"). */
    public boolean rejectedTheBot() {
        return Boolean.TRUE.equals(rejectedBotAnswer);
    }

    /** True when the customer's reply matched neither topic the bot's clarifying question offered. */
    public boolean failedClarification() {
        return Boolean.TRUE.equals(clarificationFailed);
    }

    /** True when the message reports a critical issue. */
    public boolean reportsCriticalIssue() {
        return critical != null;
    }

    /**
     * A critical issue the message reports: {@code kind} is SERVICE_OUTAGE, DATA_LOSS, SECURITY_BREACH or
     * UNAUTHORISED_PAYMENT (more may be added), {@code confidence} 0..1, and {@code evidence} the customer's words
     * that show it.
     */
    public record Critical(String kind, double confidence, List<String> evidence) {
        public Critical {
            Fields.requireText(kind, "critical.kind");
            Fields.requireBetween(confidence, 0, 1, "critical.confidence");
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    public record Intent(String name, double confidence) {
        public Intent {
            Fields.requireText(name, "intent.name");
            Fields.requireBetween(confidence, 0, 1, "intent.confidence");
        }
    }

    public record Sentiment(double score, Label label) {
        public enum Label {
            NEGATIVE,
            NEUTRAL,
            POSITIVE
        }

        public Sentiment {
            Fields.requireBetween(score, -1, 1, "sentiment.score");
            Fields.require(label, "sentiment.label");
        }
    }
}
