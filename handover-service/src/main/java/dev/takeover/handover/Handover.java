package dev.takeover.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.common.persistence.EnumLiterals;
import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.handover.CustomerNotices.Throttle;
import dev.takeover.handover.policy.Decision;

/**
 * One escalation of a conversation to a person: the control state and its transitions, the explanation, where it
 * stands in the queue, what the customer has been told, and the timers that run while they wait.
 */
@Entity
@Table(name = "handover")
public class Handover extends PanacheEntityBase {

    /** Where each open state may go: every open state may close, and only the queue and the agent trade places. */
    private static final Map<ControlState, Set<ControlState>> ALLOWED = Map.of(
            ControlState.REQUESTED, closingOr(ControlState.QUEUED, ControlState.WITH_AGENT),
            ControlState.QUEUED, closingOr(ControlState.WITH_AGENT),
            ControlState.WITH_AGENT, closingOr(ControlState.QUEUED));

    @Id
    @Column(name = "handover_id")
    public String handoverId;

    @Column(name = "conversation_id")
    public String conversationId;

    @Enumerated(EnumType.STRING)
    public ControlState state;

    @Column(name = "reason_codes")
    public String reasonCodes;

    // Values, set once: Hibernate need not copy them as it loads the handover, nor compare them at each flush.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Reason> reasons = List.of();

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Mutability(Immutability.class)
    @Column(name = "required_skills")
    public List<String> requiredSkills = List.of();

    public String language;

    @Column(name = "incident_id")
    public String incidentId;

    /** The cause of the latest transition. */
    public String cause;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "agent_name")
    public String agentName;

    /** Whether someone who could take the conversation is online, as agent-service last said; null until it speaks. */
    @Column(name = "agents_online")
    private Boolean agentsOnline;

    @Embedded
    private CustomerNotices notices = new CustomerNotices();

    @Embedded
    private WaitingTimers timers = new WaitingTimers();

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public static Handover request(String conversationId, Decision decision, String language, Instant now) {
        Handover handover = new Handover();
        handover.handoverId = UUID.randomUUID().toString();
        handover.conversationId = conversationId;
        handover.state = ControlState.REQUESTED;
        handover.reasons = List.copyOf(decision.allReasons());
        handover.reasonCodes = decision.reasonCodes();
        handover.priority = decision.priority();
        handover.requiredSkills = List.copyOf(decision.requiredSkills());
        handover.language = language;
        handover.incidentId = decision.incidentId();
        handover.cause = decision.reasons().get(0).code();
        handover.requestedAt = now;
        handover.updatedAt = now;
        return handover;
    }

    public static Optional<Handover> openFor(String conversationId) {
        return find("conversationId = ?1 and state in " + OPEN_STATES, conversationId)
                .firstResultOptional();
    }

    /** The open handovers of these conversations, in one query. */
    @SuppressWarnings("unchecked")
    static List<Handover> openForAll(Collection<String> conversationIds) {
        return getEntityManager()
                .createNativeQuery(OPEN_FOR_ALL, Handover.class)
                .setParameter("ids", conversationIds.toArray(String[]::new))
                .getResultList();
    }

    public static Optional<Handover> latestFor(String conversationId) {
        return find("conversationId = ?1 order by requestedAt desc", conversationId)
                .firstResultOptional();
    }

    /** The conversations with a timer due, oldest first, at most {@code limit}. */
    public static List<String> conversationsDue(Instant now, int limit) {
        return Handover.<Handover>find("timers.dueAt <= ?1 and state in " + OPEN_STATES + " order by timers.dueAt", now)
                .page(0, limit)
                .stream()
                .map(handover -> handover.conversationId)
                .distinct()
                .toList();
    }

    private static Set<ControlState> closingOr(ControlState... open) {
        Set<ControlState> allowed = EnumSet.of(
                ControlState.RESOLVED, ControlState.HANDED_BACK, ControlState.ABANDONED, ControlState.FAILED);
        allowed.addAll(List.of(open));
        return allowed;
    }

    private static final List<ControlState> OPEN =
            Stream.of(ControlState.values()).filter(ControlState::isEscalated).toList();
    private static final String OPEN_STATES = EnumLiterals.anyOf(OPEN);
    // An array parameter, not an in-list, which Hibernate would translate again on every call.
    private static final String OPEN_FOR_ALL =
            "select * from handover where conversation_id = any(cast(:ids as text[])) and state in "
                    + EnumLiterals.namesOf(OPEN);

    /** The transition that opened this handover, for the record and the event. */
    public HandoverStateChanged opened() {
        return new HandoverStateChanged(
                handoverId,
                conversationId,
                ControlState.BOT,
                ControlState.REQUESTED,
                cause,
                "Escalated: " + reasonCodes,
                requestedAt);
    }

    public boolean isOpen() {
        return state.isEscalated();
    }

    public boolean isWaiting() {
        return state == ControlState.REQUESTED || state == ControlState.QUEUED;
    }

    /**
     * Moves to another control state; empty when already there. Refuses what the state machine does not allow. With an
     * agent, or closed, none of the waiting phase's timers runs any more.
     */
    public Optional<HandoverStateChanged> moveTo(ControlState to, String cause, String detail, Instant now) {
        if (state == to) {
            return Optional.empty();
        }
        if (!canMoveTo(to)) {
            throw new IllegalStateException("handover " + handoverId + " cannot go from " + state + " to " + to);
        }
        HandoverStateChanged change =
                new HandoverStateChanged(handoverId, conversationId, state, to, cause, detail, now);
        state = to;
        this.cause = cause;
        updatedAt = now;
        if (!to.isEscalated()) {
            closedAt = now;
        }
        if (!isWaiting()) {
            timers().stopAll();
        }
        return Optional.of(change);
    }

    public boolean canMoveTo(ControlState to) {
        return state == to || ALLOWED.getOrDefault(state, Set.of()).contains(to);
    }

    /**
     * Starts the wait-limit timer, as if people are there; it is put off to the next opening only once it is known
     * that nobody is ({@link #nextWaitLimit}).
     */
    public void startWaiting(Instant waitLimitAt) {
        timers().waitLimitAt(waitLimitAt);
        timers().abandonAt(null);
        notices().alternativesWithdrawn();
    }

    /** Whether anybody is there is told only once agent-service has spoken, or by the calendar after this deadline. */
    public void awaitPresence(Instant deadline) {
        timers().presenceDueAt(deadline);
    }

    /** Agent-service has not said yet whether anybody is there, and its grace has not passed. */
    public boolean awaitingPresence() {
        return agentsOnline == null && timers().presenceDueAt() != null;
    }

    /**
     * Agent-service said whether someone who could take the conversation is online. The wait limit counts from when
     * people are there: if it had been put off beyond {@code waitLimitFromNow} (to the next opening), it now ends then.
     */
    public void presenceReported(boolean online, Instant waitLimitFromNow) {
        agentsOnline = online;
        timers().presenceDueAt(null);
        Instant waitLimitAt = timers().waitLimitAt();
        if (online && waitLimitAt != null && waitLimitAt.isAfter(waitLimitFromNow)) {
            timers().waitLimitAt(waitLimitFromNow);
        }
    }

    /** Agent-service's grace passed without a word: from now on the calendar answers for it. */
    public void presenceUnreported() {
        timers().presenceDueAt(null);
    }

    /** Null until agent-service has said whether anybody who could help is online. */
    public Boolean agentsOnline() {
        return agentsOnline;
    }

    public void joinedBy(String agentId, String agentName) {
        this.agentId = agentId;
        if (agentName != null) {
            this.agentName = agentName;
        }
    }

    /** An agent had the conversation a moment ago and let it go: it waits again, and the customer learns the queue afresh. */
    public void backInQueue(Instant waitLimitAt) {
        agentId = null;
        notices().backInQueue();
        startWaiting(waitLimitAt);
    }

    /** The customer was told that nobody who could help is online, and offered a callback or a ticket. */
    public void noAgentsTold(Instant now) {
        notices().alternativesOffered(now);
    }

    /** The customer has been offered a callback or a ticket; if {@code abandonAt} is set, silence until then means they left. */
    public void alternativesOffered(Instant now, Instant abandonAt) {
        notices().alternativesOffered(now);
        timers().waitLimitAt(null);
        timers().abandonAt(abandonAt);
    }

    public void nextWaitLimit(Instant at) {
        timers().waitLimitAt(at);
    }

    public boolean alternativesWereOffered() {
        return notices().alternativesOfferedAt() != null;
    }

    public boolean greetingPending() {
        return notices().greetingPending();
    }

    /** The customer's channel is not known yet: they are told a person is coming once they write. */
    public void greetingPostponed() {
        notices().greetingPostponed();
    }

    public void greeted() {
        notices().greeted();
    }

    /** The customer wrote: they are still there; after an offer of alternatives, silence from now until then means they left. */
    public void customerWrote(Instant abandonIfSilentUntil) {
        if (state == ControlState.WITH_AGENT) {
            timers().abandonAt(null);
        } else if (isWaiting() && timers().abandonAt() != null) {
            timers().abandonAt(abandonIfSilentUntil);
        }
    }

    /** The agent wrote; if the customer stays silent until then, they have left. */
    public void agentWrote(Instant abandonIfSilentUntil) {
        if (state == ControlState.WITH_AGENT && timers().abandonAt() == null) {
            timers().abandonAt(abandonIfSilentUntil);
        }
    }

    /**
     * What a queue report means for the customer: tell them now, a bit later, that nobody can help (not yet told), or
     * nothing.
     */
    public QueueNotice onQueuePosition(QueuePositionChanged report, Instant now, Throttle throttle) {
        notices().queueReported(report);
        if (report.matchingAgentsOnline() == 0) {
            return notices().noAgentNotified() ? QueueNotice.NONE : QueueNotice.NO_AGENTS;
        }
        return throttled(now, throttle);
    }

    /** The throttled queue update is due: whether there is still something new to tell. */
    public QueueNotice onQueueNoticeDue(Instant now, Throttle throttle) {
        timers().queueNoticeAt(null);
        return throttled(now, throttle);
    }

    private QueueNotice throttled(Instant now, Throttle throttle) {
        Instant allowedFrom = isWaiting() ? notices().nextQueueUpdate(now, throttle) : null;
        if (allowedFrom == null) {
            timers().queueNoticeAt(null);
            return QueueNotice.NONE;
        }
        if (!now.isBefore(allowedFrom)) {
            notices().queueTold(now);
            timers().queueNoticeAt(null);
            return QueueNotice.NOW;
        }
        timers().queueNoticeAt(allowedFrom);
        return QueueNotice.LATER;
    }

    /**
     * A waiting customer asks for a person again: where they stand if it is known, else that someone is coming; nothing
     * within the throttle's interval of the last update.
     */
    public Reassurance reassure(Instant now, Duration interval) {
        if (!notices().mayReassure(now, interval)) {
            return Reassurance.NONE;
        }
        if (notices().knowsPosition()) {
            notices().queueTold(now);
            return Reassurance.POSITION;
        }
        notices().stillComingTold(now);
        return Reassurance.STILL_COMING;
    }

    /** What the customer has been told, and what the queue said: read-only, changed through the methods above. */
    public CustomerNotices notices() {
        // An embeddable whose columns are all null is loaded as null.
        if (notices == null) {
            notices = new CustomerNotices();
        }
        return notices;
    }

    /** The waiting phase's deadlines: read-only, changed through the methods above. */
    public WaitingTimers timers() {
        if (timers == null) {
            timers = new WaitingTimers();
        }
        return timers;
    }

    public boolean isDue(Instant deadline, Instant now) {
        return WaitingTimers.isDue(deadline, now);
    }

    public enum QueueNotice {
        NOW,
        LATER,
        NO_AGENTS,
        NONE
    }

    public enum Reassurance {
        POSITION,
        STILL_COMING,
        NONE
    }
}
