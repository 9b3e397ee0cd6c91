package dev.takeover.agent;

/** Who is calling the API: an agent (by id, from the token's {@code upn}) and whether they are a supervisor. */
public record Caller(String id, String name, boolean supervisor) {

    public boolean is(String agentId) {
        return id.equals(agentId);
    }
}
