package dev.takeover.webchat;

import java.time.Instant;

import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;

/**
 * One message of a conversation as the customer sees it, numbered in the order the adapter logged it. A reconnecting
 * browser says the last number it saw and gets every later entry, in order, once.
 */
public record LogEntry(
        long seq,
        String messageId,
        Author author,
        String senderId,
        String senderName,
        String text,
        String purpose,
        Instant sentAt) {

    /** Who wrote it: the customer, or one of the senders of {@code conversation.message-sent.v1}. */
    public enum Author {
        CUSTOMER,
        BOT,
        AGENT,
        SYSTEM;

        static Author of(Sender.Type type) {
            return Author.valueOf(type.name());
        }
    }

    /** What the customer wrote, before it has a number. */
    public static LogEntry fromCustomer(String messageId, String text, Instant sentAt) {
        return new LogEntry(0, messageId, Author.CUSTOMER, null, null, text, null, sentAt);
    }

    /** What the platform sent to the customer, before it has a number. */
    public static LogEntry toCustomer(MessageSent message) {
        return new LogEntry(
                0,
                message.messageId(),
                Author.of(message.sender().type()),
                message.sender().id(),
                message.sender().name(),
                message.text(),
                message.purpose(),
                message.sentAt());
    }

    public LogEntry numbered(long number) {
        return new LogEntry(number, messageId, author, senderId, senderName, text, purpose, sentAt);
    }

    public boolean fromCustomer() {
        return author == Author.CUSTOMER;
    }
}
