package dev.takeover.transcript.ingest;

import java.time.Instant;

/**
 * How an entry involves an agent, which decides whether that agent may read the conversation: an agent who handled
 * it may always read it, one it is offered to while the offer stands.
 */
public record AgentInvolvement(String agentId, String agentName, boolean handled, Offer offer) {

    /** What the entry says about the agent's offer: nothing, it now stands until a time, or it was withdrawn. */
    public sealed interface Offer {
        Offer UNCHANGED = new Unchanged();
        Offer WITHDRAWN = new Withdrawn();

        static Offer standsUntil(Instant expiresAt) {
            return new StandsUntil(expiresAt);
        }
    }

    public record Unchanged() implements Offer {}

    public record Withdrawn() implements Offer {}

    public record StandsUntil(Instant expiresAt) implements Offer {}

    public static AgentInvolvement handled(String agentId, String agentName) {
        return new AgentInvolvement(agentId, agentName, true, Offer.UNCHANGED);
    }

    public static AgentInvolvement offered(String agentId, String agentName, Instant expiresAt) {
        return new AgentInvolvement(agentId, agentName, false, Offer.standsUntil(expiresAt));
    }

    public static AgentInvolvement offerWithdrawn(String agentId) {
        return new AgentInvolvement(agentId, null, false, Offer.WITHDRAWN);
    }

    /** The agent's involvement after this one and then {@code later}, so one batch writes each agent once. */
    public AgentInvolvement then(AgentInvolvement later) {
        return new AgentInvolvement(
                agentId,
                later.agentName != null ? later.agentName : agentName,
                handled || later.handled,
                later.offer instanceof Unchanged ? offer : later.offer);
    }
}
