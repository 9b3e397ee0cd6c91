package dev.takeover.events.conversation;

import java.util.List;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;

/**
 * A message in the chat itself: from the customer ({@code conversation.inbound}) or to them ({@code
 * conversation.outbound}). Sealed, so a new member is added here, and the compiler points at what must handle it.
 */
public sealed interface ChatMessage extends ConversationEvent permits InboundMessage, MessageSent {

    List<EventType<? extends ChatMessage>> TYPES = List.of(InboundMessage.TYPE, MessageSent.TYPE);

    String messageId();

    String text();
}
