package dev.takeover.agent.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.opentelemetry.context.Scope;

import dev.takeover.agent.Agent;
import dev.takeover.agent.Presence;
import dev.takeover.agent.Takeover;
import dev.takeover.agent.TakeoverState;
import dev.takeover.agent.customer.PreviousAgent;
import dev.takeover.agent.queue.QueueSnapshot;
import dev.takeover.agent.queue.QueueUpdates;
import dev.takeover.agent.routing.RoutingPolicy.Offer;
import dev.takeover.agent.routing.RoutingPolicy.Plan;
import dev.takeover.common.consuming.EventBatch;
import dev.takeover.common.delivery.Outbox;
import dev.takeover.common.domain.Refused;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationRequeued;
import dev.takeover.events.agent.OfferDeclined;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;

/**
 * The queue and the choice of agent. Every use case takes the {@link RoutingLock} first, changes what it must, then
 * runs one routing pass over the queue, all in one transaction whose events leave through the outbox, each in the
 * trace of the customer message its takeover came from.
 */
@ApplicationScoped
public class Routing {

    private static final Logger LOG = Logger.getLogger(Routing.class);
    private static final int EXPIRED_OFFERS_PER_TICK = 200;
    private static final Comparator<Takeover> SERVING_ORDER = Comparator.comparingInt(
                    (Takeover takeover) -> -takeover.priorityRank)
            .thenComparing(takeover -> takeover.requestedAt)
            .thenComparing(takeover -> takeover.handoverId);

    private final Outbox outbox;
    private final RoutingLock lock;
    private final RoutingConfig config;
    private final QueueUpdates queueUpdates;
    private final Clock clock;

    Routing(Outbox outbox, RoutingLock lock, RoutingConfig config, QueueUpdates queueUpdates, Clock clock) {
        this.outbox = outbox;
        this.lock = lock;
        this.config = config;
        this.queueUpdates = queueUpdates;
        this.clock = clock;
    }

    /** A takeover request joins the queue; the batch's routing pass ({@link #routeBatch}) then offers it. */
    @Transactional
    public void enqueue(ReceivedEvent<HandoverRequested> event) {
        HandoverRequested request = event.payload();
        lock.acquire();
        if (Takeover.findById(request.handoverId()) != null) {
            return;
        }
        Instant now = clock.instant();
        Takeover.openFor(request.conversationId()).ifPresent(older -> close(older, "SUPERSEDED", now));
        Takeover takeover = Takeover.requested(request);
        if (config.sticky().enabled()) {
            PreviousAgent.servedSince(
                            takeover.customerId, now.minus(config.sticky().memory()))
                    .ifPresent(previous -> takeover.stickTo(
                            previous.agentId, now.plus(config.sticky().hold())));
        }
        takeover.persist();
    }

    /**
     * The customer left, the handover failed, or handover-service ended it otherwise: the takeover is over, and the
     * batch's routing pass gives what it freed to the queue.
     */
    @Transactional
    public void end(ReceivedEvent<HandoverStateChanged> event) {
        HandoverStateChanged change = event.payload();
        if (change.to().isEscalated()) {
            return;
        }
        lock.acquire();
        Takeover takeover = Takeover.findById(change.handoverId());
        if (takeover == null || !takeover.state.isOpen()) {
            return;
        }
        close(takeover, change.to().name(), clock.instant());
    }

    /**
     * Once per batch of handover events, after them: one routing pass, then each newcomer still waiting hears where
     * it stands, from one estimate of the queue. Everything else waiting was routed as far as it could be when it last
     * changed, so unless a takeover ended and freed an agent, only the batch's newcomers can be served now, and the
     * whole queue need not be read (the timer's full pass backs this up).
     */
    @Transactional
    public void routeBatch(EventBatch batch) {
        List<String> requested = batch.of(HandoverRequested.TYPE).stream()
                .map(event -> event.payload().handoverId())
                .toList();
        boolean ended = batch.of(HandoverStateChanged.TYPE).stream()
                .anyMatch(event -> !event.payload().to().isEscalated());
        if (requested.isEmpty() && !ended) {
            return;
        }
        lock.acquire();
        Instant now = clock.instant();
        List<Takeover> newcomers = waiting(requested);
        if (ended) {
            routeWaiting(now);
        } else if (!newcomers.isEmpty()) {
            route(() -> newcomers.stream().map(Takeover::asWaiting).toList(), now);
        }
        queueUpdates.publishFirstPositions(waiting(requested), now);
    }

    @Transactional
    public Agent register(Agent agent) {
        if (Agent.findById(agent.agentId) != null) {
            throw Refused.conflict("agent " + agent.agentId + " is already registered");
        }
        agent.persist();
        return agent;
    }

    @Transactional
    public Agent describe(
            String agentId,
            String displayName,
            List<String> skills,
            List<String> languages,
            List<String> teams,
            int capacity) {
        lock.acquire();
        Agent agent = agentOrNotFound(agentId);
        agent.describe(displayName, skills, languages, teams, capacity);
        routeWaiting(clock.instant());
        return agent;
    }

    /**
     * Away: no new offers, and pending ones go to someone else. Offline: the conversations they held go back to the
     * queue in their old place, and handover-service tells each customer.
     */
    @Transactional
    public Agent changePresence(String agentId, Presence presence) {
        lock.acquire();
        Agent agent = agentOrNotFound(agentId);
        Instant now = clock.instant();
        agent.changePresence(presence, now);
        if (presence != Presence.ONLINE) {
            String reason = presence == Presence.AWAY ? OfferDeclined.AGENT_AWAY : OfferDeclined.AGENT_OFFLINE;
            for (Takeover takeover : Takeover.heldBy(agentId)) {
                if (takeover.state == TakeoverState.OFFERED) {
                    withdrawOffer(takeover, agent, false, reason, now);
                } else if (presence == Presence.OFFLINE) {
                    takeover.requeueFrom(agent);
                    outbox.publish(
                            ConversationRequeued.TYPE,
                            new ConversationRequeued(
                                    takeover.conversationId, takeover.handoverId, agentId, "AGENT_OFFLINE", now));
                }
            }
        }
        routeWaiting(now);
        return agent;
    }

    /** Offers nobody accepted in time go to the next agent; safe with several instances ticking at once. */
    @Transactional
    public int expireOffersAndRoute() {
        lock.acquire();
        Instant now = clock.instant();
        List<Takeover> expired = Takeover.expiredOffers(now, EXPIRED_OFFERS_PER_TICK);
        for (Takeover takeover : expired) {
            withdrawOffer(takeover, agentOrNotFound(takeover.agentId), true, OfferDeclined.TIMED_OUT, now);
        }
        routeWaiting(now);
        return expired.size();
    }

    public static Agent agentOrNotFound(String agentId) {
        return Agent.<Agent>findByIdOptional(agentId).orElseThrow(() -> Refused.notFound("no agent " + agentId));
    }

    /**
     * One routing pass: offers every waiting conversation that can be served now, in serving order. Runs under the
     * routing lock, so the loads it reads are the loads it writes.
     */
    public void routeWaiting(Instant now) {
        route(QueueSnapshot::waiting, now);
    }

    private void route(Supplier<List<RoutingPolicy.Waiting>> queue, Instant now) {
        List<Agent> online = Agent.online();
        if (online.stream().noneMatch(Agent::hasFreeSlot)) {
            return;
        }
        List<RoutingPolicy.Waiting> waiting = queue.get();
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, Agent> agents = online.stream().collect(Collectors.toMap(a -> a.agentId, Function.identity()));
        Plan plan = RoutingPolicy.plan(
                waiting, online.stream().map(Agent::asCandidate).toList(), now);
        for (Offer offer : plan.offers()) {
            offer(Takeover.findById(offer.handoverId()), agents.get(offer.agentId()), now);
        }
        for (String handoverId : plan.exhaustedRounds()) {
            Takeover takeover = Takeover.findById(handoverId);
            takeover.startNewRound(now.plus(config.roundPause()));
            LOG.debugf("every suitable agent declined %s; round %d starts after a pause", handoverId, takeover.round);
        }
    }

    /** Offers the conversation, or with auto-accept assigns it at once. */
    public void offer(Takeover takeover, Agent agent, Instant now) {
        if (config.offer().autoAccept()) {
            assign(takeover, agent, now);
            return;
        }
        takeover.offerTo(agent, now, config.offer().timeout());
        try (Scope trace = takeover.inItsTrace()) {
            outbox.publish(
                    ConversationOffered.TYPE,
                    new ConversationOffered(
                            takeover.conversationId,
                            takeover.handoverId,
                            agent.agentId,
                            agent.displayName,
                            now,
                            takeover.offerExpiresAt));
        }
    }

    public void assign(Takeover takeover, Agent agent, Instant now) {
        takeover.assignTo(agent, now);
        PreviousAgent.remember(takeover.customerId, agent.agentId, now);
        try (Scope trace = takeover.inItsTrace()) {
            outbox.publish(
                    ConversationAssigned.TYPE,
                    new ConversationAssigned(
                            takeover.conversationId, takeover.handoverId, agent.agentId, agent.displayName, now));
        }
    }

    public void withdrawOffer(Takeover takeover, Agent agent, boolean timedOut, String reason, Instant now) {
        takeover.withdrawOffer(agent);
        try (Scope trace = takeover.inItsTrace()) {
            outbox.publish(
                    OfferDeclined.TYPE,
                    new OfferDeclined(
                            takeover.conversationId, takeover.handoverId, agent.agentId, timedOut, now, reason));
        }
    }

    /** The given takeovers still waiting, in serving order. (A lambda: Panache enhances calls, not method references.) */
    private static List<Takeover> waiting(List<String> handoverIds) {
        return handoverIds.stream()
                .distinct()
                .map(handoverId -> Takeover.<Takeover>findById(handoverId))
                .filter(takeover -> takeover != null && takeover.state == TakeoverState.WAITING)
                .sorted(SERVING_ORDER)
                .toList();
    }

    private static void close(Takeover takeover, String reason, Instant now) {
        Agent holder = takeover.agentId == null ? null : Agent.findById(takeover.agentId);
        takeover.close(holder, reason, now);
    }
}
