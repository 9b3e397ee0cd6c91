package dev.takeover.common.domain;

/**
 * Who is calling an API, from their bearer token: the agent (by id, the token's {@code upn}, and their name) and
 * whether they are a supervisor. Domain code decides what they may do without knowing about tokens.
 */
public record Caller(String id, String name, boolean supervisor) {

    public boolean is(String agentId) {
        return id.equals(agentId);
    }
}
