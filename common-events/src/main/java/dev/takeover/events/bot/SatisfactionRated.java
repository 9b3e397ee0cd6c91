package dev.takeover.events.bot;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * The customer answered the bot's satisfaction question. {@code score} is 1 (not at all) to 5 (very), or null when
 * the customer answered in words rather than with a number ({@code answeredInWords}); their words stay in the log, never
 * here. {@code servedBy} is who the rating is about: AGENT after a person served the conversation, with that
 * handover's {@code handoverId}, or BOT. {@code messageId} is the customer's answer on {@code conversation.inbound}.
 */
public record SatisfactionRated(
        String conversationId,
        String messageId,
        Integer score,
        boolean answeredInWords,
        ServedBy servedBy,
        String handoverId,
        String language,
        String channel,
        Instant ratedAt)
        implements BotEvent {

    public static final EventType<SatisfactionRated> TYPE =
            EventType.of("bot.satisfaction-rated.v1", Topic.BOT_ANALYSIS, SatisfactionRated.class);

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    /** Who served the customer the rating is about. */
    public enum ServedBy {
        BOT,
        AGENT
    }

    public SatisfactionRated {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(messageId, "messageId");
        if (answeredInWords != (score == null)) {
            throw new IllegalArgumentException("a rating has either a score or an answer in words");
        }
        if (score != null) {
            Fields.requireBetween(score, LOWEST, HIGHEST, "score");
        }
        Fields.require(servedBy, "servedBy");
        if (servedBy == ServedBy.AGENT) {
            Fields.requireText(handoverId, "handoverId");
        } else if (handoverId != null) {
            throw new IllegalArgumentException("handoverId names the agent's handover; the bot served this one");
        }
        Fields.requireText(language, "language");
        Fields.requireText(channel, "channel");
        Fields.require(ratedAt, "ratedAt");
    }

    /** A score of 1 to 5. */
    public static SatisfactionRated scored(
            String conversationId,
            String messageId,
            int score,
            ServedBy servedBy,
            String handoverId,
            String language,
            String channel,
            Instant ratedAt) {
        return new SatisfactionRated(
                conversationId, messageId, score, false, servedBy, handoverId, language, channel, ratedAt);
    }

    /** An answer in words: no score. */
    public static SatisfactionRated inWords(
            String conversationId,
            String messageId,
            ServedBy servedBy,
            String handoverId,
            String language,
            String channel,
            Instant ratedAt) {
        return new SatisfactionRated(
                conversationId, messageId, null, true, servedBy, handoverId, language, channel, ratedAt);
    }
}
