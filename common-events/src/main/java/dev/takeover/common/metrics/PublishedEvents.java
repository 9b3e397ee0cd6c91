package dev.takeover.common.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;

import dev.takeover.common.delivery.Published;

/** Every committed event a service publishes, by type: the rate of each kind of fact in the platform. */
@ApplicationScoped
public class PublishedEvents {

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    PublishedEvents(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    void count(@Observes Published published) {
        String type = published.type().name();
        afterCommit.record(() ->
                registry.counter("takeover.events.published", "type", type).increment());
    }
}
