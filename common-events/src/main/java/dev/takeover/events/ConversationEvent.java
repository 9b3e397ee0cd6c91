package dev.takeover.events;

/** Every event in the contract belongs to one conversation, whose id is the record key and the CloudEvents subject. */
public interface ConversationEvent {
    String conversationId();
}
