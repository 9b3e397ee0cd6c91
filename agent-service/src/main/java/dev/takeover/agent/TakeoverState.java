package dev.takeover.agent;

/** Where a takeover stands: in the queue, offered to one agent, with an agent, or over. */
public enum TakeoverState {
    WAITING,
    OFFERED,
    ASSIGNED,
    RESOLVED,
    HANDED_BACK,
    CLOSED;

    public boolean isOpen() {
        return this == WAITING || this == OFFERED || this == ASSIGNED;
    }
}
