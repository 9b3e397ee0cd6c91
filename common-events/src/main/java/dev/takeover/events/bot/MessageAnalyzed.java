package dev.takeover.events.bot;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/** bot-service's understanding of one customer message; exactly one per message. */
public record MessageAnalyzed(
        String conversationId,
        String messageId,
        String language,
        Intent intent,
        Sentiment sentiment,
        double frustration,
        boolean humanRequested,
        boolean outOfScope)
        implements ConversationEvent {

    public static final EventType<MessageAnalyzed> TYPE =
            EventType.of("bot.message-analyzed.v1", Topic.BOT_ANALYSIS, MessageAnalyzed.class);

    public MessageAnalyzed {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(messageId, "messageId");
        Fields.requireText(language, "language");
        Fields.require(intent, "intent");
        Fields.require(sentiment, "sentiment");
        Fields.requireBetween(frustration, 0, 1, "frustration");
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
