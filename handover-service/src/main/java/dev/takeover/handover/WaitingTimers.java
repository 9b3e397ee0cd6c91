package dev.takeover.handover;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The deadlines of a handover's waiting phase. The earliest of them is kept in {@code due_at}, which the timer job
 * looks for; every change goes through here so that it never falls out of step.
 */
@Embeddable
public class WaitingTimers {

    /** A queue update held back by the throttle, due at this time. */
    @Column(name = "queue_notice_at")
    private Instant queueNoticeAt;

    @Column(name = "wait_limit_at")
    private Instant waitLimitAt;

    @Column(name = "abandon_at")
    private Instant abandonAt;

    /** Until then agent-service's first word is awaited; past it, the business calendar says whether anybody is there. */
    @Column(name = "presence_due_at")
    private Instant presenceDueAt;

    @Column(name = "due_at")
    private Instant dueAt;

    public Instant queueNoticeAt() {
        return queueNoticeAt;
    }

    public Instant waitLimitAt() {
        return waitLimitAt;
    }

    public Instant abandonAt() {
        return abandonAt;
    }

    public Instant presenceDueAt() {
        return presenceDueAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    void queueNoticeAt(Instant at) {
        queueNoticeAt = at;
        refreshDueAt();
    }

    void waitLimitAt(Instant at) {
        waitLimitAt = at;
        refreshDueAt();
    }

    void abandonAt(Instant at) {
        abandonAt = at;
        refreshDueAt();
    }

    void presenceDueAt(Instant at) {
        presenceDueAt = at;
        refreshDueAt();
    }

    void stopAll() {
        queueNoticeAt = null;
        waitLimitAt = null;
        abandonAt = null;
        presenceDueAt = null;
        refreshDueAt();
    }

    static boolean isDue(Instant deadline, Instant now) {
        return deadline != null && !deadline.isAfter(now);
    }

    private void refreshDueAt() {
        dueAt = Stream.of(queueNoticeAt, waitLimitAt, abandonAt, presenceDueAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }
}
