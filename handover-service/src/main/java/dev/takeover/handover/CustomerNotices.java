package dev.takeover.handover;

import java.time.Duration;
import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import dev.takeover.events.agent.QueuePositionChanged;

/**
 * Where the customer stands in the queue as agent-service last said, and what they have been told about it: the
 * throttle of queue updates compares the two.
 */
@Embeddable
public class CustomerNotices {

    @Column(name = "queue_position")
    private Integer queuePosition;

    @Column(name = "expected_wait_seconds")
    private Long expectedWaitSeconds;

    @Column(name = "matching_agents_online")
    private Integer matchingAgentsOnline;

    @Column(name = "notified_position")
    private Integer notifiedPosition;

    @Column(name = "notified_wait_seconds")
    private Long notifiedWaitSeconds;

    @Column(name = "queue_notified_at")
    private Instant queueNotifiedAt;

    @Column(name = "alternatives_offered_at")
    private Instant alternativesOfferedAt;

    /** The customer has been told that nobody who could help is there, out of hours or online; told once. */
    @Column(name = "no_agent_notified")
    private boolean noAgentNotified;

    /** The customer could not be told yet that a person is coming, because their channel is still unknown. */
    @Column(name = "greeting_pending")
    private boolean greetingPending;

    /** How often queue updates may go out, and what change of the expected wait is worth one. */
    public record Throttle(Duration interval, Duration significantWaitChange) {}

    public Integer queuePosition() {
        return queuePosition;
    }

    public Long expectedWaitSeconds() {
        return expectedWaitSeconds;
    }

    public Integer notifiedPosition() {
        return notifiedPosition;
    }

    public Instant queueNotifiedAt() {
        return queueNotifiedAt;
    }

    public Instant alternativesOfferedAt() {
        return alternativesOfferedAt;
    }

    public boolean noAgentNotified() {
        return noAgentNotified;
    }

    public boolean greetingPending() {
        return greetingPending;
    }

    void queueReported(QueuePositionChanged report) {
        queuePosition = report.position();
        expectedWaitSeconds = report.expectedWaitSeconds();
        matchingAgentsOnline = report.matchingAgentsOnline();
    }

    boolean knowsPosition() {
        return queuePosition != null && expectedWaitSeconds != null;
    }

    /**
     * When the next queue update may go out: now or later, or null when there is nothing new worth telling. The first
     * position is told at once, even right after a reassurance that had none to give.
     */
    Instant nextQueueUpdate(Instant now, Throttle throttle) {
        if (queuePosition == null || !worthTelling(throttle.significantWaitChange())) {
            return null;
        }
        return queueNotifiedAt == null || notifiedPosition == null ? now : queueNotifiedAt.plus(throttle.interval());
    }

    /** Whether a reassurance may go out now: at most one update of any kind per interval. */
    boolean mayReassure(Instant now, Duration interval) {
        return !greetingPending && (queueNotifiedAt == null || !now.isBefore(queueNotifiedAt.plus(interval)));
    }

    /** Told where they stand, at this time. */
    void queueTold(Instant now) {
        queueNotifiedAt = now;
        notifiedPosition = queuePosition;
        notifiedWaitSeconds = expectedWaitSeconds;
    }

    /** Told that a person is still coming, with no position to give yet: that counts against the throttle too. */
    void stillComingTold(Instant now) {
        queueNotifiedAt = now;
    }

    void alternativesOffered(Instant now) {
        alternativesOfferedAt = now;
        noAgentNotified = true;
    }

    void alternativesWithdrawn() {
        alternativesOfferedAt = null;
    }

    /** Back in the queue after an agent had it: the customer is told the queue afresh, and again if nobody is there. */
    void backInQueue() {
        notifiedPosition = null;
        noAgentNotified = false;
    }

    void greetingPostponed() {
        greetingPending = true;
    }

    void greeted() {
        greetingPending = false;
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
}
