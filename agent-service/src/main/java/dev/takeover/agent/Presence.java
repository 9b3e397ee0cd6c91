package dev.takeover.agent;

/** Whether an agent can be given conversations. */
public enum Presence {
    ONLINE,
    AWAY,
    OFFLINE
}
