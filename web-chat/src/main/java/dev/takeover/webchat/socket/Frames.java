package dev.takeover.webchat.socket;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.takeover.events.EventCodec;
import dev.takeover.webchat.LogEntry;

/**
 * The widget's protocol: JSON text frames with a {@code type}. The browser sends {@code hello} once, then
 * {@code message}s; the adapter answers with {@code welcome}, then an {@code entry} for every message of the
 * conversation, and {@code error} for a frame it refuses (the socket stays open, except after a refused identity).
 * Reasons name fields and limits, never what the customer wrote.
 */
final class Frames {

    private static final ObjectMapper JSON = EventCodec.mapper();
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_TOKEN = 100;

    private Frames() {}

    /** Something the browser sent. */
    sealed interface ClientFrame permits Hello, Say {}

    /**
     * Opens the conversation: the visitor token the browser was given (if any), the conversation it last showed and
     * the last entry it saw there, the signed identity (if the host site passed one) and the widget's language.
     */
    record Hello(String token, String conversationId, long after, String identity, String signature, String language)
            implements ClientFrame {}

    /** A customer message; the browser chooses its id, so a resend after a reconnect is recognised. */
    record Say(String messageId, String text) implements ClientFrame {}

    /** A frame that breaks the protocol, with a reason that is safe to log and to show. */
    static final class MalformedFrame extends Exception {
        MalformedFrame(String reason) {
            super(reason);
        }
    }

    static ClientFrame parse(String frame) throws MalformedFrame {
        JsonNode json;
        try {
            json = JSON.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new MalformedFrame("not valid JSON");
        } catch (IOException e) {
            throw new MalformedFrame("unreadable frame");
        }
        if (json == null || !json.isObject()) {
            throw new MalformedFrame("a frame is a JSON object");
        }
        String type = optionalText(json, "type", 20);
        if (type == null) {
            throw new MalformedFrame("a frame needs a type");
        }
        switch (type) {
            case "hello":
                return new Hello(
                        optionalText(json, "token", MAX_TOKEN),
                        optionalText(json, "conversationId", MAX_TOKEN),
                        after(json),
                        optionalText(json, "identity", 4096),
                        optionalText(json, "signature", 64),
                        language(optionalText(json, "language", 35)));
            case "message":
                String messageId = optionalText(json, "messageId", 64);
                if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
                    throw new MalformedFrame("messageId must be 1 to 64 letters, digits, '-' or '_'");
                }
                JsonNode text = json.get("text");
                if (text == null || !text.isTextual() || text.asText().isBlank()) {
                    throw new MalformedFrame("a message needs a non-empty text");
                }
                return new Say(messageId, text.asText());
            default:
                throw new MalformedFrame("unknown frame type; expected hello or message");
        }
    }

    private static long after(JsonNode json) throws MalformedFrame {
        JsonNode after = json.get("after");
        if (after == null || after.isNull()) {
            return 0;
        }
        if (!after.canConvertToLong() || !after.isIntegralNumber() || after.asLong() < 0) {
            throw new MalformedFrame("after must be a whole number, 0 or more");
        }
        return after.asLong();
    }

    /** de or en; anything else is left to the platform's own detection. */
    private static String language(String tag) {
        if (tag == null || tag.length() < 2) {
            return null;
        }
        String primary = tag.substring(0, 2).toLowerCase();
        return primary.equals("de") || primary.equals("en") ? primary : null;
    }

    private static String optionalText(JsonNode json, String field, int maxLength) throws MalformedFrame {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > maxLength) {
            throw new MalformedFrame(field + " must be a string of at most " + maxLength + " characters");
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    static String welcome(String conversationId, String token, String customerName, int maxLength) {
        return write(new Welcome("welcome", conversationId, token, customerName, maxLength));
    }

    static String entry(LogEntry entry) {
        Sender sender = entry.fromCustomer() ? null : new Sender(entry.senderId(), entry.senderName());
        return write(new Entry(
                "entry",
                entry.seq(),
                entry.messageId(),
                entry.author().name(),
                sender,
                entry.text(),
                entry.purpose(),
                entry.sentAt()));
    }

    static String error(String code, String reason, String messageId, Duration retryAfter) {
        return write(new Error(
                "error", code, reason, messageId, retryAfter == null ? null : Math.max(1, retryAfter.toMillis())));
    }

    private record Welcome(String type, String conversationId, String token, String customerName, int maxLength) {}

    private record Sender(String id, String name) {}

    private record Entry(
            String type,
            long seq,
            String messageId,
            String author,
            Sender sender,
            String text,
            String purpose,
            Instant sentAt) {}

    private record Error(String type, String code, String reason, String messageId, Long retryAfterMs) {}

    private static String write(Object frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + frame.getClass().getSimpleName() + " frame", e);
        }
    }
}
