package dev.takeover.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.handover.policy.Decision;

/**
 * One escalation of a conversation to a person: the control state and its transitions, the explanation, where it
 * stands in the queue, what the customer has been told, and the timers that run while they wait.
 */
@Entity
@Table(name = "handover")
public class Handover extends PanacheEntityBase {

    private static final Map<ControlState, Set<ControlState>> ALLOWED = Map.of(
            ControlState.REQUESTED,
                    EnumSet.of(
                            ControlState.QUEUED,
                            ControlState.WITH_AGENT,
                            ControlState.RESOLVED,
                            ControlState.HANDED_BACK,
                            ControlState.ABANDONED,
                            ControlState.FAILED),
            ControlState.QUEUED,
                    EnumSet.of(
                            ControlState.WITH_AGENT,
                            ControlState.RESOLVED,
                            ControlState.HANDED_BACK,
                            ControlState.ABANDONED,
                            ControlState.FAILED),
            ControlState.WITH_AGENT,
                    EnumSet.of(
                            ControlState.QUEUED,
                            ControlState.RESOLVED,
                            ControlState.HANDED_BACK,
                            ControlState.ABANDONED,
                            ControlState.FAILED));

    @Id
    @Column(name = "handover_id")
    public String handoverId;

    @Column(name = "conversation_id")
    public String conversationId;

    @Enumerated(EnumType.STRING)
    public ControlState state;

    @Column(name = "reason_codes")
    public String reasonCodes;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Reason> reasons = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_skills")
    public List<String> requiredSkills = new ArrayList<>();

    public String language;

    @Column(name = "incident_id")
    public String incidentId;

    /** The cause of the latest transition. */
    public String cause;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "agent_name")
    public String agentName;

    @Column(name = "queue_position")
    public Integer queuePosition;

    @Column(name = "expected_wait_seconds")
    public Long expectedWaitSeconds;

    @Column(name = "matching_agents_online")
    public Integer matchingAgentsOnline;

    @Column(name = "notified_position")
    public Integer notifiedPosition;

    @Column(name = "notified_wait_seconds")
    public Long notifiedWaitSeconds;

    @Column(name = "queue_notified_at")
    public Instant queueNotifiedAt;

    /** A queue update held back by the throttle, due at this time. */
    @Column(name = "queue_notice_at")
    public Instant queueNoticeAt;

    @Column(name = "wait_limit_at")
    public Instant waitLimitAt;

    @Column(name = "abandon_at")
    public Instant abandonAt;

    @Column(name = "alternatives_offered_at")
    public Instant alternativesOfferedAt;

    /** The customer has been told that nobody who could help is there, out of hours or online; told once. */
    @Column(name = "no_agent_notified")
    public boolean noAgentNotified;

    /** Whether someone who could take the conversation is online, as agent-service last said; null until it speaks. */
    @Column(name = "agents_online")
    public Boolean agentsOnline;

    /** Until then agent-service's first word is awaited; past it, the business calendar says whether anybody is there. */
    @Column(name = "presence_due_at")
    public Instant presenceDueAt;

    /** The customer could not be told yet that a person is coming, because their channel is still unknown. */
    @Column(name = "greeting_pending")
    public boolean greetingPending;

    /** The earliest of the timers above; the timer job looks for it. */
    @Column(name = "due_at")
    public Instant dueAt;

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
        handover.reasons = new ArrayList<>(decision.allReasons());
        handover.reasonCodes = decision.reasonCodes();
        handover.priority = decision.priority();
        handover.requiredSkills = new ArrayList<>(decision.requiredSkills());
        handover.language = language;
        handover.incidentId = decision.incidentId();
        handover.cause = decision.reasons().get(0).code();
        handover.requestedAt = now;
        handover.updatedAt = now;
        return handover;
    }

    public static Optional<Handover> openFor(String conversationId) {
        return find("conversationId = ?1 and state in ?2", conversationId, openStates())
                .firstResultOptional();
    }

    public static Optional<Handover> latestFor(String conversationId) {
        return find("conversationId = ?1 order by requestedAt desc", conversationId)
                .firstResultOptional();
    }

    public static boolean isOpenFor(String conversationId) {
        return openFor(conversationId).isPresent();
    }

    private static List<ControlState> openStates() {
        return Stream.of(ControlState.values())
                .filter(ControlState::isEscalated)
                .toList();
    }

    /** The transition that opened this handover, for the record and the event. */
    public HandoverStateChanged opened() {
        HandoverStateChanged change = new HandoverStateChanged(
                handoverId,
                conversationId,
                ControlState.BOT,
                ControlState.REQUESTED,
                cause,
                "Escalated: " + reasonCodes,
                requestedAt);
        ControlTransition.record(change);
        return change;
    }

    public boolean isOpen() {
        return state.isEscalated();
    }

    public boolean isWaiting() {
        return state == ControlState.REQUESTED || state == ControlState.QUEUED;
    }

    /** Moves to another control state; empty when already there. Refuses what the state machine does not allow. */
    public Optional<HandoverStateChanged> moveTo(ControlState to, String cause, String detail, Instant now) {
        if (state == to) {
            return Optional.empty();
        }
        if (!ALLOWED.getOrDefault(state, Set.of()).contains(to)) {
            throw new IllegalStateException("handover " + handoverId + " cannot go from " + state + " to " + to);
        }
        HandoverStateChanged change =
                new HandoverStateChanged(handoverId, conversationId, state, to, cause, detail, now);
        state = to;
        this.cause = cause;
        updatedAt = now;
        if (!to.isEscalated()) {
            closedAt = now;
            queueNoticeAt = null;
            waitLimitAt = null;
            abandonAt = null;
            presenceDueAt = null;
        } else if (to == ControlState.WITH_AGENT) {
            queueNoticeAt = null;
            waitLimitAt = null;
            abandonAt = null;
            presenceDueAt = null;
        }
        refreshDueAt();
        ControlTransition.record(change);
        return Optional.of(change);
    }

    public boolean canMoveTo(ControlState to) {
        return state == to || ALLOWED.getOrDefault(state, Set.of()).contains(to);
    }

    /**
     * Starts the wait-limit timer from now, as if people are there; it is put off to the next opening only once it is
     * known that nobody is ({@link #nextWaitLimit}).
     */
    public void startWaiting(Instant now, Duration waitLimit) {
        waitLimitAt = now.plus(waitLimit);
        alternativesOfferedAt = null;
        abandonAt = null;
        refreshDueAt();
    }

    /** Whether anybody is there is told only once agent-service has spoken, or by the calendar after this deadline. */
    public void awaitPresence(Instant deadline) {
        presenceDueAt = deadline;
        refreshDueAt();
    }

    /** Agent-service has not said yet whether anybody is there, and its grace has not passed. */
    public boolean awaitingPresence() {
        return agentsOnline == null && presenceDueAt != null;
    }

    /**
     * Agent-service said whether someone who could take the conversation is online. The wait limit counts from when
     * people are there: if it had been put off to the next opening, it now counts from now.
     */
    public void presenceReported(boolean online, Instant now, Duration waitLimit) {
        agentsOnline = online;
        presenceDueAt = null;
        if (online && waitLimitAt != null && waitLimitAt.isAfter(now.plus(waitLimit))) {
            waitLimitAt = now.plus(waitLimit);
        }
        refreshDueAt();
    }

    /** Agent-service's grace passed without a word: from now on the calendar answers for it. */
    public void presenceUnreported() {
        presenceDueAt = null;
        refreshDueAt();
    }

    /** The customer was told that nobody who could help is online, and offered a callback or a ticket. */
    public void noAgentsTold(Instant now) {
        noAgentNotified = true;
        alternativesOfferedAt = now;
    }

    public void joinedBy(String agentId, String agentName) {
        this.agentId = agentId;
        if (agentName != null) {
            this.agentName = agentName;
        }
    }

    /** The customer has been offered a callback or a ticket; if {@code abandonAt} is set, silence until then means they left. */
    public void alternativesOffered(Instant now, Instant abandonAt) {
        alternativesOfferedAt = now;
        noAgentNotified = true;
        waitLimitAt = null;
        this.abandonAt = abandonAt;
        refreshDueAt();
    }

    public void nextWaitLimit(Instant at) {
        waitLimitAt = at;
        refreshDueAt();
    }

    public boolean alternativesWereOffered() {
        return alternativesOfferedAt != null;
    }

    /** The customer wrote: they are still there. */
    public void customerWrote(Instant now, Duration abandonAfterOffer) {
        if (state == ControlState.WITH_AGENT) {
            abandonAt = null;
        } else if (isWaiting() && abandonAt != null) {
            abandonAt = now.plus(abandonAfterOffer);
        }
        refreshDueAt();
    }

    /** The agent wrote; if the customer stays silent from now on, they have left. */
    public void agentWrote(Instant now, Duration abandonAfter) {
        if (state == ControlState.WITH_AGENT && abandonAt == null) {
            abandonAt = now.plus(abandonAfter);
            refreshDueAt();
        }
    }

    /**
     * What a queue report means for the customer: tell them now, a bit later, that nobody can help (not yet told), or
     * nothing.
     */
    public QueueNotice onQueuePosition(
            QueuePositionChanged report, Instant now, Duration interval, Duration significantWaitChange) {
        queuePosition = report.position();
        expectedWaitSeconds = report.expectedWaitSeconds();
        matchingAgentsOnline = report.matchingAgentsOnline();
        if (report.matchingAgentsOnline() == 0) {
            return noAgentNotified ? QueueNotice.NONE : QueueNotice.NO_AGENTS;
        }
        return throttled(now, interval, significantWaitChange);
    }

    /** The throttled queue update is due: whether there is still something new to tell. */
    public QueueNotice onQueueNoticeDue(Instant now, Duration interval, Duration significantWaitChange) {
        queueNoticeAt = null;
        QueueNotice notice = throttled(now, interval, significantWaitChange);
        refreshDueAt();
        return notice;
    }

    private QueueNotice throttled(Instant now, Duration interval, Duration significantWaitChange) {
        if (queuePosition == null || !isWaiting() || !worthTelling(significantWaitChange)) {
            queueNoticeAt = null;
            refreshDueAt();
            return QueueNotice.NONE;
        }
        // The first position is told at once, even right after a reassurance that had none to give.
        Instant allowedFrom =
                queueNotifiedAt == null || notifiedPosition == null ? now : queueNotifiedAt.plus(interval);
        if (!now.isBefore(allowedFrom)) {
            notifiedPosition = queuePosition;
            notifiedWaitSeconds = expectedWaitSeconds;
            queueNotifiedAt = now;
            queueNoticeAt = null;
            refreshDueAt();
            return QueueNotice.NOW;
        }
        queueNoticeAt = allowedFrom;
        refreshDueAt();
        return QueueNotice.LATER;
    }

    private boolean worthTelling(Duration significantWaitChange) {
        if (notifiedPosition == null || !notifiedPosition.equals(queuePosition)) {
            return true;
        }
        long before = notifiedWaitSeconds == null ? 0 : notifiedWaitSeconds;
        long after = expectedWaitSeconds == null ? 0 : expectedWaitSeconds;
        long change = Math.abs(after - before);
        return change >= significantWaitChange.toSeconds() && change * 4 >= before;
    }

    public boolean isDue(Instant deadline, Instant now) {
        return deadline != null && !deadline.isAfter(now);
    }

    void refreshDueAt() {
        dueAt = Stream.of(queueNoticeAt, waitLimitAt, abandonAt, presenceDueAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** The conversations with a timer due, oldest first, at most {@code limit}. */
    public static List<String> conversationsDue(Instant now, int limit) {
        return Handover.<Handover>find("dueAt <= ?1 and state in ?2 order by dueAt", now, openStates())
                .page(0, limit)
                .stream()
                .map(handover -> handover.conversationId)
                .distinct()
                .toList();
    }

    public enum QueueNotice {
        NOW,
        LATER,
        NO_AGENTS,
        NONE
    }
}
