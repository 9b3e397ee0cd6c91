package dev.takeover.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.agent.routing.RoutingPolicy.Waiting;
import dev.takeover.common.domain.Refused;
import dev.takeover.common.tracing.Tracing;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Priority;

/**
 * One handover as agent-service works it: waiting in the queue, offered to one agent at a time, assigned, and finally
 * resolved, handed back to the bot or closed. A requeued conversation keeps its original request time, so it does not
 * lose its place in the queue.
 */
@Entity
@Table(name = "takeover")
public class Takeover extends PanacheEntityBase {

    private static final String EXPIRED_OFFERS = """
            select * from takeover
            where state = 'OFFERED' and offer_expires_at <= :now
            order by offer_expires_at
            limit :limit
            for update skip locked
            """;

    @Id
    @Column(name = "handover_id")
    public String handoverId;

    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_name")
    public String customerName;

    public String channel;

    public String language;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_skills", columnDefinition = "text[]")
    public List<String> requiredSkills;

    public String team;

    @Column(name = "priority_rank")
    public int priorityRank;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> reasons;

    public String summary;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    public TakeoverState state;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "offer_expires_at")
    public Instant offerExpiresAt;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    public int round;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "declined_by", columnDefinition = "text[]")
    public List<String> declinedBy;

    @Column(name = "not_before")
    public Instant notBefore;

    @Column(name = "sticky_agent_id")
    public String stickyAgentId;

    @Column(name = "sticky_until")
    public Instant stickyUntil;

    /** The trace of the request's customer message; see {@link #inItsTrace()}. */
    public String traceparent;

    public static Takeover requested(HandoverRequested request) {
        Takeover takeover = new Takeover();
        takeover.handoverId = request.handoverId();
        takeover.conversationId = request.conversationId();
        takeover.customerId = request.handoverPackage().customerId();
        takeover.customerName = request.handoverPackage().customerName();
        String channel = request.handoverPackage().channel();
        takeover.channel = channel == null || channel.isBlank() ? "unknown" : channel;
        takeover.language = request.language();
        takeover.requiredSkills = List.copyOf(request.requiredSkills());
        takeover.priorityRank = request.priority().ordinal();
        takeover.reasons = request.reasons().stream()
                .map(HandoverRequested.Reason::code)
                .distinct()
                .toList();
        takeover.summary = request.handoverPackage().summary();
        takeover.requestedAt = request.requestedAt();
        takeover.state = TakeoverState.WAITING;
        takeover.round = 1;
        takeover.declinedBy = List.of();
        takeover.traceparent = Tracing.current();
        return takeover;
    }

    /** Until closed, what is published about this takeover belongs to the trace of the message that asked for it. */
    public Scope inItsTrace() {
        return Tracing.resume(traceparent);
    }

    public static Optional<Takeover> openFor(String conversationId) {
        return find("conversationId = ?1 and state in ?2", conversationId, openStates())
                .firstResultOptional();
    }

    /** The open takeover, or else the most recent one. */
    public static Optional<Takeover> latestFor(String conversationId) {
        return openFor(conversationId)
                .or(() -> find("conversationId = ?1 order by requestedAt desc", conversationId)
                        .firstResultOptional());
    }

    public static List<Takeover> waitingInServingOrder() {
        return list("state = ?1 order by priorityRank desc, requestedAt, handoverId", TakeoverState.WAITING);
    }

    /** Offered to or assigned to the agent. */
    public static List<Takeover> heldBy(String agentId) {
        return list(
                "agentId = ?1 and state in ?2 order by requestedAt",
                agentId,
                List.of(TakeoverState.OFFERED, TakeoverState.ASSIGNED));
    }

    /** Locked and skipped by any other instance that is expiring offers at the same moment. */
    @SuppressWarnings("unchecked")
    public static List<Takeover> expiredOffers(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery(EXPIRED_OFFERS, Takeover.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    private static List<TakeoverState> openStates() {
        return List.of(TakeoverState.WAITING, TakeoverState.OFFERED, TakeoverState.ASSIGNED);
    }

    public Requirements requirements() {
        return Requirements.of(requiredSkills, language, team);
    }

    public Priority priority() {
        return Priority.values()[priorityRank];
    }

    public boolean isOfferedTo(String agent) {
        return state == TakeoverState.OFFERED && agent.equals(agentId);
    }

    public boolean isAssignedTo(String agent) {
        return state == TakeoverState.ASSIGNED && agent.equals(agentId);
    }

    public void stickTo(String previousAgentId, Instant until) {
        stickyAgentId = previousAgentId;
        stickyUntil = until;
    }

    public void offerTo(Agent agent, Instant now, Duration timeout) {
        requireState(TakeoverState.WAITING);
        agent.reserveSlot(now);
        state = TakeoverState.OFFERED;
        agentId = agent.agentId;
        offeredAt = now;
        offerExpiresAt = now.plus(timeout);
    }

    /** From the queue, or accepting an offer made to this agent. */
    public void assignTo(Agent agent, Instant now) {
        if (state == TakeoverState.WAITING) {
            agent.reserveSlot(now);
            offeredAt = now;
        } else if (!isOfferedTo(agent.agentId)) {
            throw Refused.conflict(
                    "conversation " + conversationId + " is " + describeState() + ", not offered to " + agent.agentId);
        }
        state = TakeoverState.ASSIGNED;
        agentId = agent.agentId;
        assignedAt = now;
        offerExpiresAt = null;
        notBefore = null;
    }

    /** Declined, expired or withdrawn: back to the queue, and not to this agent again in this round. */
    public void withdrawOffer(Agent agent) {
        requireState(TakeoverState.OFFERED);
        agent.releaseSlot();
        returnToQueueExcluding(agent.agentId);
    }

    /** The agent can no longer hold it (offline, or passed it on); it goes back to the queue in its old place. */
    public void requeueFrom(Agent agent) {
        requireState(TakeoverState.ASSIGNED);
        agent.releaseSlot();
        assignedAt = null;
        returnToQueueExcluding(agent.agentId);
    }

    /** Any agent of the team who speaks the language may take it; the skills asked for before no longer apply. */
    void redirectToTeam(String newTeam) {
        requireState(TakeoverState.WAITING);
        team = newTeam;
        requiredSkills = List.of();
        stickyAgentId = null;
        stickyUntil = null;
    }

    public void startNewRound(Instant pauseUntil) {
        round++;
        declinedBy = List.of();
        notBefore = pauseUntil;
    }

    void finish(Agent agent, TakeoverState end, String reason, Instant now) {
        requireState(TakeoverState.ASSIGNED);
        agent.releaseSlot();
        state = end;
        closeReason = reason;
        closedAt = now;
    }

    /** Ended from outside (the customer left, the handover failed or was superseded); frees the agent's slot if any. */
    public void close(Agent holder, String reason, Instant now) {
        if (holder != null && (state == TakeoverState.OFFERED || state == TakeoverState.ASSIGNED)) {
            holder.releaseSlot();
        }
        state = TakeoverState.CLOSED;
        closeReason = reason;
        closedAt = now;
        offerExpiresAt = null;
    }

    public Waiting asWaiting() {
        return new Waiting(handoverId, requirements(), Set.copyOf(declinedBy), notBefore, stickyAgentId, stickyUntil);
    }

    public String describeState() {
        return switch (state) {
            case WAITING -> "waiting in the queue";
            case OFFERED -> "offered to another agent";
            case ASSIGNED -> "already accepted by another agent";
            case RESOLVED -> "resolved";
            case HANDED_BACK -> "handed back to the bot";
            case CLOSED -> "closed";
        };
    }

    private void returnToQueueExcluding(String agent) {
        List<String> declined = new ArrayList<>(declinedBy);
        if (!declined.contains(agent)) {
            declined.add(agent);
        }
        declinedBy = List.copyOf(declined);
        state = TakeoverState.WAITING;
        agentId = null;
        offeredAt = null;
        offerExpiresAt = null;
    }

    private void requireState(TakeoverState expected) {
        if (state != expected) {
            throw Refused.conflict("conversation " + conversationId + " is " + describeState());
        }
    }
}
