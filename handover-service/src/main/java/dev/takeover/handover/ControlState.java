package dev.takeover.handover;

/** Who is in charge of a conversation. */
public enum ControlState {
    REQUESTED,
    QUEUED,
    WITH_AGENT,
    RESOLVED,
    HANDED_BACK,
    ABANDONED,
    FAILED;

    public boolean isOpen() {
        return this == REQUESTED || this == QUEUED || this == WITH_AGENT;
    }
}
