package dev.takeover.transcript.read;

import java.time.Instant;
import java.util.List;

import dev.takeover.common.domain.Caller;
import dev.takeover.events.handover.ControlState;

/** One conversation as the log knows it: whose it is, when it ran, who is in charge and which agents took part. */
public record ConversationRecord(
        String conversationId,
        String customerId,
        String customerName,
        String channel,
        String language,
        Instant startedAt,
        Instant lastActivityAt,
        int entryCount,
        ControlState controlState,
        Instant erasedAt,
        List<Agent> agents) {

    /** An agent of the conversation; {@code handled} once they were assigned, transferred to, or wrote. */
    public record Agent(String agentId, String agentName, boolean handled, Instant offerExpiresAt) {

        public boolean mayRead(Instant now) {
            return handled || (offerExpiresAt != null && offerExpiresAt.isAfter(now));
        }
    }

    public ConversationRecord withAgents(List<Agent> agents) {
        return new ConversationRecord(
                conversationId,
                customerId,
                customerName,
                channel,
                language,
                startedAt,
                lastActivityAt,
                entryCount,
                controlState,
                erasedAt,
                List.copyOf(agents));
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public List<Agent> handledBy() {
        return agents.stream().filter(Agent::handled).toList();
    }

    /** Supervisors read every conversation; an agent those they handled, or are offered while the offer stands. */
    public boolean isReadableBy(Caller reader, Instant now) {
        return reader.supervisor()
                || agents.stream().anyMatch(agent -> agent.agentId().equals(reader.id()) && agent.mayRead(now));
    }
}
