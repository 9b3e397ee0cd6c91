package dev.takeover.bot;

import java.util.regex.Pattern;
import jakarta.enterprise.context.ApplicationScoped;

import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;
import dev.takeover.events.conversation.InboundMessage;

/** Understands one customer message. For now it recognises requests for a person in German and English. */
@ApplicationScoped
public class MessageAnalyzer {

    private static final Pattern ASKS_FOR_A_PERSON = Pattern.compile(
            "\\b(human|real person|a person|agent|someone from support|mitarbeiter\\w*|mensch\\w*|berater\\w*)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern GERMAN_WORDS = Pattern.compile(
            "\\b(ich|nicht|und|mit|einem|einen|bitte|möchte|moechte|der|die|das|ist|sprechen)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    public MessageAnalyzed analyze(InboundMessage message) {
        boolean humanRequested = ASKS_FOR_A_PERSON.matcher(message.text()).find();
        Intent intent = humanRequested ? new Intent("human_request", 0.9) : new Intent("unknown", 0.0);
        return new MessageAnalyzed(
                message.conversationId(),
                message.messageId(),
                language(message),
                intent,
                new Sentiment(0.0, Sentiment.Label.NEUTRAL),
                0.0,
                humanRequested,
                !humanRequested);
    }

    private static String language(InboundMessage message) {
        if (message.language() != null) {
            return message.language();
        }
        return GERMAN_WORDS.matcher(message.text()).find() ? "de" : "en";
    }
}
