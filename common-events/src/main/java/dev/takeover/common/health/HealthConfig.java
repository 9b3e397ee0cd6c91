package dev.takeover.common.health;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How readiness asks after what the service depends on. */
@ConfigMapping(prefix = "takeover.health")
public interface HealthConfig {

    String DEFAULT_BROKER_TIMEOUT = "PT2S";

    /**
     * How long readiness waits for the broker to describe its cluster before it reports the broker unreachable. Well
     * under a probe's timeout: a probe that gets no answer learns nothing, not even that the broker is away.
     */
    @WithDefault(DEFAULT_BROKER_TIMEOUT)
    Duration brokerTimeout();
}
