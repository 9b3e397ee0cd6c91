package dev.takeover.common.consuming;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service's consumers process their batches. */
@ConfigMapping(prefix = "takeover.consuming")
public interface ConsumingConfig {

    /**
     * Threads shared by all the service's channels that process a polled batch's partitions beside the consumer's own
     * thread; each holds one database connection while it works, so keep it well under the connection pool. With 0,
     * a batch's partitions are processed one after the other.
     */
    @WithDefault("3")
    int laneThreads();

    /** Attempts a record gets when it fails for an unexpected reason, before it is parked. */
    @WithDefault("8")
    int attempts();

    @WithDefault("PT0.1S")
    Duration firstRetryPause();

    @WithDefault("PT5S")
    Duration longestRetryPause();

    /** The service reports not ready while the database keeps failing a channel's batches this many times in a row. */
    @WithDefault("5")
    int failuresBeforeNotReady();
}
