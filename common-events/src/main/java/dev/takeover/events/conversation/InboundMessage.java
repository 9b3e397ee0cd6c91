package dev.takeover.events.conversation;

import java.time.Instant;
import java.util.Map;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * A customer's message as a channel adapter publishes it. {@code attributes} carries what the channel knows about the
 * customer (for example {@code vip=true} or {@code tier=gold}).
 */
public record InboundMessage(
        String messageId,
        String conversationId,
        String channel,
        String text,
        String customerId,
        String customerName,
        String language,
        Instant sentAt,
        Map<String, String> attributes)
        implements ChatMessage {

    public static final EventType<InboundMessage> TYPE =
            EventType.of("conversation.message-received.v1", Topic.CONVERSATION_INBOUND, InboundMessage.class);

    public InboundMessage {
        Fields.requireText(messageId, "messageId");
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(channel, "channel");
        Fields.require(text, "text");
        attributes = Fields.mapOrEmpty(attributes);
    }

    public Instant sentAtOr(Instant fallback) {
        return sentAt != null ? sentAt : fallback;
    }
}
