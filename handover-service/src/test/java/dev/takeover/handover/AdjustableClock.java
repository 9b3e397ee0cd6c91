package dev.takeover.handover;

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
 * The service's clock in tests: real time, shifted to a chosen moment, so business hours and timers can be tested
 * without waiting. Starts on a Wednesday morning in Berlin, when people are at work.
 */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final Instant WEDNESDAY_MORNING =
            LocalDateTime.parse("2026-11-25T10:00").atZone(BERLIN).toInstant();

    private volatile Duration offset = Duration.between(Instant.now(), WEDNESDAY_MORNING);

    public void travelTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    public void travelTo(String berlinLocalDateTime) {
        travelTo(LocalDateTime.parse(berlinLocalDateTime).atZone(BERLIN).toInstant());
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
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
