package dev.takeover.events.conversation;

import dev.takeover.events.Fields;

/** Who wrote a message to the customer. */
public record Sender(Type type, String id, String name) {

    public enum Type {
        BOT,
        AGENT,
        SYSTEM
    }

    public Sender {
        Fields.require(type, "sender.type");
        Fields.requireText(id, "sender.id");
    }
}
