package dev.takeover.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.takeover.agent.routing.Routing;
import dev.takeover.agent.routing.RoutingLock;
import dev.takeover.agent.routing.RoutingMetrics;
import dev.takeover.common.delivery.OutboundMessages;
import dev.takeover.common.delivery.Outbox;
import dev.takeover.common.delivery.ProcessedEvents;
import dev.takeover.common.domain.Caller;
import dev.takeover.common.domain.Refused;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.agent.ConversationTransferred;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.agent.OfferDeclined;
import dev.takeover.events.conversation.Sender;

/**
 * What an agent does with a conversation: accept or decline it, reply, leave a note, pass it on, resolve it or hand
 * it back to the bot. An agent acts only on what is theirs; a supervisor may also note, reassign and close anything.
 */
@ApplicationScoped
public class Desk {

    public static final String AGENT_REPLY = "AGENT_REPLY";

    private final Routing routing;
    private final RoutingLock lock;
    private final Outbox outbox;
    private final OutboundMessages outboundMessages;
    private final ProcessedEvents processed;
    private final EntityManager entityManager;
    private final RoutingMetrics metrics;
    private final Clock clock;

    Desk(
            Routing routing,
            RoutingLock lock,
            Outbox outbox,
            OutboundMessages outboundMessages,
            ProcessedEvents processed,
            EntityManager entityManager,
            RoutingMetrics metrics,
            Clock clock) {
        this.routing = routing;
        this.lock = lock;
        this.outbox = outbox;
        this.outboundMessages = outboundMessages;
        this.processed = processed;
        this.entityManager = entityManager;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Accepts the offer made to the caller, or takes a waiting conversation from the queue (an agent who is away may
     * too, if suitable). The decision is one locked transaction: of two agents accepting at once, one wins and the
     * other gets a conflict. Accepting again what one already holds changes nothing.
     */
    @Transactional
    public Takeover accept(String conversationId, Caller caller) {
        lock.acquire();
        Takeover takeover = open(conversationId);
        Agent agent = registered(caller);
        if (takeover.isAssignedTo(agent.agentId)) {
            return takeover;
        }
        if (takeover.state == TakeoverState.WAITING && !agent.canServe(takeover.requirements())) {
            throw Refused.notAllowed(agent.agentId + " lacks the skills, language or team that conversation "
                    + conversationId + " needs");
        }
        if (takeover.state == TakeoverState.OFFERED && !takeover.isOfferedTo(agent.agentId)) {
            throw Refused.conflict("conversation " + conversationId + " is offered to another agent");
        }
        routing.assign(takeover, agent, clock.instant());
        return takeover;
    }

    @Transactional
    public Takeover decline(String conversationId, Caller caller) {
        lock.acquire();
        Takeover takeover = open(conversationId);
        if (!takeover.isOfferedTo(caller.id())) {
            throw Refused.conflict("conversation " + conversationId + " is not offered to " + caller.id()
                    + (takeover.isAssignedTo(caller.id()) ? " any more: it is already accepted" : ""));
        }
        Instant now = clock.instant();
        routing.withdrawOffer(takeover, Routing.agentOrNotFound(caller.id()), false, OfferDeclined.DECLINED, now);
        routing.routeWaiting(now);
        return takeover;
    }

    /** Idempotent by {@code messageId}: a retried reply is not sent twice. Returns the message id. */
    @Transactional
    public String reply(String conversationId, Caller caller, String text, String messageId) {
        Takeover takeover = Takeover.openFor(conversationId).orElseThrow(() -> closedOrUnknown(conversationId));
        entityManager.lock(takeover, LockModeType.PESSIMISTIC_READ);
        entityManager.refresh(takeover);
        if (!takeover.isAssignedTo(caller.id())) {
            throw takeover.isOfferedTo(caller.id())
                    ? Refused.conflict(
                            "conversation " + conversationId + " is offered to " + caller.id() + ": accept it first")
                    : Refused.notAllowed(
                            "only the agent handling conversation " + conversationId + " may reply to the customer");
        }
        String id = messageId == null ? UUID.randomUUID().toString() : messageId;
        if (!processed.firstRequest("agent-reply:" + id)) {
            return id;
        }
        Agent agent = registered(caller);
        // The same key table as redeliveries: its insert is the one race-free "first time" two replies can share.
        if (processed.firstRequest("first-answer:" + takeover.handoverId)) {
            metrics.firstResponse(takeover, Duration.between(takeover.assignedAt, clock.instant()));
        }
        return outboundMessages.send(
                id,
                conversationId,
                takeover.channel,
                new Sender(Sender.Type.AGENT, agent.agentId, agent.displayName),
                text,
                AGENT_REPLY);
    }

    /** Internal: the customer never sees it. Allowed to whoever handles or handled the conversation, and supervisors. */
    @Transactional
    public InternalNoteAdded note(String conversationId, Caller caller, String text) {
        Takeover takeover = Takeover.latestFor(conversationId)
                .orElseThrow(() -> Refused.notFound("no handover for conversation " + conversationId));
        if (!caller.supervisor() && !caller.is(takeover.agentId)) {
            throw Refused.notAllowed(caller.id() + " may only add notes to conversations they handle or handled");
        }
        String name = Agent.<Agent>findByIdOptional(caller.id())
                .map(agent -> agent.displayName)
                .orElse(caller.name());
        InternalNoteAdded note = new InternalNoteAdded(
                conversationId, UUID.randomUUID().toString(), caller.id(), name, text, clock.instant());
        outbox.publish(InternalNoteAdded.TYPE, note);
        return note;
    }

    /**
     * To an agent: offered to them at once, bypassing the queue (409 if they are offline or full). To a team: back to
     * the queue for any agent of that team who speaks the language. Either way, not back to the same agent this round.
     */
    @Transactional
    public Takeover transfer(String conversationId, Caller caller, String toAgentId, String toTeam, String note) {
        if ((toAgentId == null) == (toTeam == null)) {
            throw Refused.invalid("exactly one of toAgentId and toTeam is required");
        }
        lock.acquire();
        Takeover takeover = open(conversationId);
        if (!caller.supervisor() && !takeover.isAssignedTo(caller.id())) {
            throw Refused.notAllowed(
                    caller.id() + " may only transfer conversations assigned to them; supervisors may reassign any");
        }
        Instant now = clock.instant();
        Agent target = null;
        if (toAgentId != null) {
            target = Routing.agentOrNotFound(toAgentId);
            if (takeover.state != TakeoverState.WAITING && target.agentId.equals(takeover.agentId)) {
                throw Refused.conflict("conversation " + conversationId + " is already with " + toAgentId);
            }
            if (target.presence == Presence.OFFLINE || !target.hasFreeSlot()) {
                throw Refused.conflict(toAgentId + " cannot take it now: "
                        + (target.presence == Presence.OFFLINE ? "offline" : "no free capacity"));
            }
        } else if (!teamExists(toTeam)) {
            throw Refused.notFound("no team " + toTeam);
        }
        String from = takeover.agentId;
        if (takeover.state == TakeoverState.OFFERED) {
            routing.withdrawOffer(takeover, Routing.agentOrNotFound(from), false, OfferDeclined.REASSIGNED, now);
        } else if (takeover.state == TakeoverState.ASSIGNED) {
            takeover.requeueFrom(Routing.agentOrNotFound(from));
            outbox.publish(
                    ConversationTransferred.TYPE,
                    new ConversationTransferred(
                            conversationId,
                            takeover.handoverId,
                            from,
                            toAgentId,
                            toTeam,
                            note,
                            now,
                            caller.is(from) ? null : caller.id()));
        }
        if (target != null) {
            routing.offer(takeover, target, now);
        } else {
            takeover.redirectToTeam(toTeam);
        }
        routing.routeWaiting(now);
        return takeover;
    }

    @Transactional
    public Takeover resolve(String conversationId, Caller caller, String summary) {
        return close(
                conversationId,
                caller,
                TakeoverState.RESOLVED,
                (takeover, agentId, now) -> outbox.publish(
                        ConversationResolved.TYPE,
                        new ConversationResolved(conversationId, takeover.handoverId, agentId, summary, now)));
    }

    @Transactional
    public Takeover handBack(String conversationId, Caller caller, String note) {
        return close(
                conversationId,
                caller,
                TakeoverState.HANDED_BACK,
                (takeover, agentId, now) -> outbox.publish(
                        ConversationHandedBack.TYPE,
                        new ConversationHandedBack(conversationId, takeover.handoverId, agentId, note, now)));
    }

    /** What is announced when the assigned agent closes their part of a conversation. */
    private interface Closing {
        void announce(Takeover takeover, String agentId, Instant now);
    }

    /** The assigned agent finishes the conversation: their slot is freed and the next waiting one is routed. */
    private Takeover close(String conversationId, Caller caller, TakeoverState end, Closing closing) {
        lock.acquire();
        Takeover takeover = open(conversationId);
        requireAssignedTo(takeover, caller);
        Instant now = clock.instant();
        String agentId = takeover.agentId;
        takeover.finish(Routing.agentOrNotFound(agentId), end, end.name(), now);
        closing.announce(takeover, agentId, now);
        routing.routeWaiting(now);
        return takeover;
    }

    private boolean teamExists(String team) {
        Number members = (Number) entityManager
                .createNativeQuery("select count(*) from agent where cast(:team as text) = any(teams)")
                .setParameter("team", team)
                .getSingleResult();
        return members.longValue() > 0;
    }

    private static Takeover open(String conversationId) {
        return Takeover.openFor(conversationId).orElseThrow(() -> closedOrUnknown(conversationId));
    }

    private static Refused closedOrUnknown(String conversationId) {
        return Takeover.latestFor(conversationId)
                .map(latest -> Refused.conflict("conversation " + conversationId + " is " + latest.describeState()))
                .orElseGet(() -> Refused.notFound("no handover for conversation " + conversationId));
    }

    private static Agent registered(Caller caller) {
        return Agent.<Agent>findByIdOptional(caller.id())
                .orElseThrow(() -> Refused.notAllowed(caller.id() + " is not a registered agent"));
    }

    /** Supervisors may close anything that is with an agent; an agent only what is with them. */
    private static void requireAssignedTo(Takeover takeover, Caller caller) {
        if (takeover.isAssignedTo(caller.id())) {
            return;
        }
        if (takeover.isOfferedTo(caller.id())) {
            throw Refused.conflict(
                    "conversation " + takeover.conversationId + " is offered to " + caller.id() + ": accept it first");
        }
        if (caller.supervisor() && takeover.state == TakeoverState.ASSIGNED) {
            return;
        }
        if (takeover.state != TakeoverState.ASSIGNED && caller.supervisor()) {
            throw Refused.conflict("conversation " + takeover.conversationId + " is " + takeover.describeState());
        }
        throw Refused.notAllowed("conversation " + takeover.conversationId + " is not assigned to " + caller.id());
    }
}
