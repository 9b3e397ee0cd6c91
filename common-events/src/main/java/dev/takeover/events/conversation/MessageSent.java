package dev.takeover.events.conversation;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * A message to the customer, from the bot, an agent or the system; channel adapters deliver it. {@code purpose} is
 * optional and says why it was sent (for example ANSWER, CLARIFICATION, DATA_REQUEST, QUEUE_UPDATE, AGENT_JOINED,
 * OUT_OF_HOURS, HAND_BACK, SURVEY, AGENT_REPLY), so the handover package can tell what the bot tried.
 */
public record MessageSent(
        String messageId,
        String conversationId,
        String channel,
        Sender sender,
        String text,
        Instant sentAt,
        String purpose)
        implements ChatMessage {

    public static final EventType<MessageSent> TYPE =
            EventType.of("conversation.message-sent.v1", Topic.CONVERSATION_OUTBOUND, MessageSent.class);

    public MessageSent {
        Fields.requireText(messageId, "messageId");
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(channel, "channel");
        Fields.require(sender, "sender");
        Fields.requireText(text, "text");
        Fields.require(sentAt, "sentAt");
    }
}
