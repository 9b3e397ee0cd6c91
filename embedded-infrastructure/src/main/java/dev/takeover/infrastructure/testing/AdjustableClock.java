package dev.takeover.infrastructure.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock in every {@code @QuarkusTest}: real time, until a test travels to a chosen moment or advances it
 * past a deadline, so business hours, offers and timers are tested without waiting. Stopped, it stands still until a
 * test moves it, for unit tests and rules that compare instants exactly.
 */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {

    /** A moment when people are at work: a Wednesday at 10:00 in Berlin. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    public static final Instant WEDNESDAY_MORNING =
            LocalDateTime.parse("2026-11-25T10:00").atZone(BERLIN).toInstant();

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant stoppedAt;

    /** A clock that stands at this moment until a test moves it. */
    public static AdjustableClock stoppedAt(Instant at) {
        AdjustableClock clock = new AdjustableClock();
        clock.stopAt(at);
        return clock;
    }

    public void stopAt(Instant at) {
        stoppedAt = at;
    }

    public void travelTo(Instant at) {
        if (stoppedAt != null) {
            stoppedAt = at;
        } else {
            offset = Duration.between(Instant.now(), at);
        }
    }

    public void travelTo(String berlinLocalDateTime) {
        travelTo(LocalDateTime.parse(berlinLocalDateTime).atZone(BERLIN).toInstant());
    }

    /** Back to real time, so one test's travels never leak into the next. */
    public void reset() {
        offset = Duration.ZERO;
        stoppedAt = null;
    }

    public void advance(Duration duration) {
        Instant stopped = stoppedAt;
        if (stopped != null) {
            stoppedAt = stopped.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        return stopped != null ? stopped : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
