package dev.takeover.agent.live;

import dev.takeover.agent.ConversationView;

/**
 * One event on an agent's live stream: its SSE event name (the contract's type name, such as
 * {@code agent.conversation-offered.v1} or {@code conversation.message-received.v1}), the event itself, and the
 * conversation as it stands now where agent-service knows it.
 */
public record LiveUpdate(String type, String conversationId, Object event, ConversationView conversation) {}
