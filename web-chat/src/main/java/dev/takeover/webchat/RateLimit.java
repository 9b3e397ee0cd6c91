package dev.takeover.webchat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A token bucket for one socket: {@code burst} frames at once, then one more each {@code refillEvery}. A customer typing
 * never meets it; a script flooding the adapter does, and only its own socket is slowed.
 */
public final class RateLimit {

    private final int burst;
    private final long refillNanos;
    private final Clock clock;
    private long available;
    private Instant refilledAt;

    public RateLimit(int burst, Duration refillEvery, Clock clock) {
        if (burst < 1 || refillEvery.isZero() || refillEvery.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a burst of at least 1 and a positive refill time");
        }
        this.burst = burst;
        this.refillNanos = refillEvery.toNanos();
        this.clock = clock;
        this.available = burst;
        this.refilledAt = clock.instant();
    }

    /** Takes one frame's allowance; empty if granted, otherwise how long until the next one is. */
    public synchronized Optional<Duration> take() {
        refill();
        if (available > 0) {
            available--;
            return Optional.empty();
        }
        Duration sinceRefill = Duration.between(refilledAt, clock.instant());
        return Optional.of(Duration.ofNanos(refillNanos).minus(sinceRefill));
    }

    private void refill() {
        Instant now = clock.instant();
        long elapsed = Duration.between(refilledAt, now).toNanos();
        if (elapsed < 0) {
            refilledAt = now;
            return;
        }
        long earned = elapsed / refillNanos;
        if (earned > 0) {
            available = Math.min(burst, available + earned);
            refilledAt = available == burst ? now : refilledAt.plusNanos(earned * refillNanos);
        }
    }
}
