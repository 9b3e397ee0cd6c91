package dev.takeover.common.http;

/** The roles in an agent's bearer token ({@code groups}), the same for every service that checks them. */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";

    private Roles() {}
}
