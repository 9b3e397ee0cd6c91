package dev.takeover.webchat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.takeover.infrastructure.testing.AdjustableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    private final AdjustableClock clock = AdjustableClock.stoppedAt(Instant.parse("2026-11-25T09:00:00Z"));
    private final RateLimit limit = new RateLimit(3, Duration.ofSeconds(1), clock);

    @Test
    void aBurstIsGrantedAtOnceAndTheNextFrameWaitsForTheRefill() {
        assertThat(limit.take()).isEmpty();
        assertThat(limit.take()).isEmpty();
        assertThat(limit.take()).isEmpty();
        assertThat(limit.take()).contains(Duration.ofSeconds(1));

        clock.advance(Duration.ofMillis(400));
        assertThat(limit.take()).contains(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(limit.take()).isEmpty();
        assertThat(limit.take()).isPresent();
    }

    @Test
    void quietTimeRefillsUpToTheBurstAndNoMore() {
        for (int i = 0; i < 3; i++) {
            limit.take();
        }
        clock.advance(Duration.ofHours(1));
        assertThat(limit.take()).isEmpty();
        assertThat(limit.take()).isEmpty();
        assertThat(limit.take()).isEmpty();
        assertThat(limit.take()).isPresent();
    }

    @Test
    void partialRefillTimeIsNotLost() {
        for (int i = 0; i < 3; i++) {
            limit.take();
        }
        clock.advance(Duration.ofMillis(1500));
        assertThat(limit.take()).isEmpty();
        assertThat(limit.take()).contains(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(500));
        assertThat(limit.take()).isEmpty();
    }

    @Test
    void aLimitNeedsABurstAndARefillTime() {
        assertThatThrownBy(() -> new RateLimit(0, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(1, Duration.ZERO, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
