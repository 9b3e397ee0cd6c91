package dev.takeover.agent;

import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.common.delivery.Outbox;
import dev.takeover.common.delivery.ProcessedEvents;
import dev.takeover.common.http.ProblemException;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.handover.HandoverRequested;

/** Queues conversations that need a person and gives them to free agents, in one transaction per decision. */
@ApplicationScoped
public class Routing {

    private final ProcessedEvents processed;
    private final Outbox outbox;

    Routing(ProcessedEvents processed, Outbox outbox) {
        this.processed = processed;
        this.outbox = outbox;
    }

    @Transactional
    public void onHandoverRequested(ReceivedEvent<HandoverRequested> event) {
        if (!processed.firstDelivery(event.idempotencyKey())
                || QueueEntry.findById(event.payload().handoverId()) != null) {
            return;
        }
        QueueEntry.of(event.payload()).persist();
        assignWaiting();
    }

    @Transactional
    public Agent register(Agent agent) {
        if (Agent.findById(agent.agentId) != null) {
            throw ProblemException.conflict("agent " + agent.agentId + " is already registered");
        }
        agent.persist();
        return agent;
    }

    @Transactional
    public Agent changePresence(String agentId, Presence presence) {
        Agent agent = Agent.<Agent>findByIdOptional(agentId)
                .orElseThrow(() -> ProblemException.notFound("no agent " + agentId));
        agent.presence = presence;
        if (presence == Presence.ONLINE) {
            assignWaiting();
        }
        return agent;
    }

    private void assignWaiting() {
        // The queue and agent queries are native SQL, so they must see this transaction's changes.
        Agent.getEntityManager().flush();
        for (QueueEntry entry : QueueEntry.waitingInServingOrder()) {
            Agent.bestFreeAgentFor(entry.requiredSkills, entry.language).ifPresent(agent -> {
                agent.take(entry, Instant.now());
                outbox.publish(
                        ConversationAssigned.TYPE,
                        new ConversationAssigned(
                                entry.conversationId,
                                entry.handoverId,
                                agent.agentId,
                                agent.displayName,
                                entry.assignedAt));
            });
        }
    }
}
