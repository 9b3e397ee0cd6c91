package dev.takeover.common.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay publishes committed events. */
@ConfigMapping(prefix = "takeover.outbox")
public interface DeliveryConfig {

    /** Events sent per relay transaction. */
    @WithDefault("256")
    int batchSize();

    /** How often the relay looks for events written by another instance or left by a failed send. */
    @WithDefault("PT0.2S")
    Duration pollInterval();

    /** How long the relay waits for the broker to acknowledge a batch before retrying it. */
    @WithDefault("PT30S")
    Duration sendTimeout();
}
