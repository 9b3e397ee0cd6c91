package dev.takeover.transcript;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who an entry came from: the customer, the bot, an agent, or the system (routing, handover, notices). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntrySender(Type type, String id, String name) {

    public enum Type {
        CUSTOMER,
        BOT,
        AGENT,
        SYSTEM
    }

    public static EntrySender customer(String id, String name) {
        return new EntrySender(Type.CUSTOMER, id, name);
    }

    public static EntrySender agent(String id, String name) {
        return new EntrySender(Type.AGENT, id, name);
    }

    public static EntrySender system(String id) {
        return new EntrySender(Type.SYSTEM, id, null);
    }

    public static EntrySender bot(String id) {
        return new EntrySender(Type.BOT, id, null);
    }

    /** What remains once the customer's data is erased: the role, never the person. */
    public EntrySender anonymised() {
        return type == Type.CUSTOMER ? new EntrySender(type, null, null) : this;
    }
}
