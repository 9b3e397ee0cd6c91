package dev.takeover.common.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay publishes committed events. */
@ConfigMapping(prefix = "takeover.outbox")
public interface DeliveryConfig {

    /** Events read and sent at once by one instance's relay. */
    @WithDefault("256")
    int batchSize();

    /**
     * The safety net: how often a relay looks for events nobody woke it for. Commits wake the relay that owns their
     * slot, in this instance or through PostgreSQL notifications in another, so latency does not depend on this.
     */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** How often an instance counts the live relays and takes or gives up slots; a dead one's slots move this late. */
    @WithDefault("PT1S")
    Duration rebalanceInterval();

    /** How long a relay pauses after a retriable failure (the broker or the database away) before it tries again. */
    @WithDefault("PT1S")
    Duration retryPause();

    /**
     * How long the relay waits for the broker's answers to one batch. Longer than the producer's own
     * {@code delivery.timeout.ms}, so the producer always answers first and nothing is sent twice for impatience.
     */
    @WithDefault("PT30S")
    Duration sendTimeout();
}
