package dev.takeover.events.conversation;

import java.util.List;

import dev.takeover.events.EventType;

/** The conversation's own messages: from the customer (channel adapters) and to the customer (our services). */
public final class ConversationEvents {

    public static final List<EventType<?>> ALL = List.of(InboundMessage.TYPE, MessageSent.TYPE);

    private ConversationEvents() {}
}
