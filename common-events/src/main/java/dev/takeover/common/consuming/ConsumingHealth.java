package dev.takeover.common.consuming;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a channel's batches keep failing to be stored: it is falling behind, and an operator should know. */
// @Default as well: the consumers report to it, the health endpoint reads it.
@Readiness
@Default
@ApplicationScoped
public class ConsumingHealth implements HealthCheck {

    private final ConcurrentMap<String, AtomicInteger> failuresInARow = new ConcurrentHashMap<>();
    private final ConsumingConfig config;

    ConsumingHealth(ConsumingConfig config) {
        this.config = config;
    }

    void failed(String channel, int attemptsInARow) {
        failuresInARow.computeIfAbsent(channel, name -> new AtomicInteger()).set(attemptsInARow);
    }

    void succeeded(String channel) {
        AtomicInteger failures = failuresInARow.get(channel);
        if (failures != null) {
            failures.set(0);
        }
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Integer> failures = new TreeMap<>();
        failuresInARow.forEach((channel, count) -> failures.put(channel, count.get()));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consuming")
                .status(failures.values().stream().allMatch(count -> count < config.failuresBeforeNotReady()));
        failures.forEach((channel, count) -> response.withData(channel + " failed attempts in a row", count));
        return response.build();
    }
}
