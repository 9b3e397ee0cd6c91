package dev.takeover.events.handover;

/** Who is in charge of a conversation; handover-service owns the transitions. */
public enum ControlState {
    BOT,
    REQUESTED,
    QUEUED,
    WITH_AGENT,
    RESOLVED,
    HANDED_BACK,
    ABANDONED,
    FAILED;

    /** An escalation is under way: a person has been asked for and the conversation has not come back yet. */
    public boolean isEscalated() {
        return this == REQUESTED || this == QUEUED || this == WITH_AGENT;
    }

    /** A person is talking to the customer; nobody else may. */
    public boolean isPersonInCharge() {
        return this == WITH_AGENT;
    }
}
