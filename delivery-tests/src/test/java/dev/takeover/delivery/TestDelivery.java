package dev.takeover.delivery;

import java.time.Duration;

import dev.takeover.common.delivery.DeliveryConfig;

/** The delivery settings of this module's test profile, for relays the tests start themselves. */
record TestDelivery(
        int batchSize, Duration pollInterval, Duration rebalanceInterval, Duration retryPause, Duration sendTimeout)
        implements DeliveryConfig {

    /** As application.properties sets them for tests: the poll is an hour away, so only wake-ups deliver in time. */
    static final TestDelivery SETTINGS = new TestDelivery(
            256, Duration.ofHours(1), Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(30));
}
