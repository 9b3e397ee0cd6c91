package dev.takeover.handover;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;

import dev.takeover.common.delivery.Published;
import dev.takeover.common.metrics.AfterCommit;
import dev.takeover.common.metrics.Labels;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;

/**
 * Handovers as the business watches them: how many are requested, why, how urgent, from which channel and language,
 * and how they end. Counted from the events this service publishes, once their transaction has committed.
 */
@ApplicationScoped
public class HandoverMetrics {

    private static final Set<ControlState> ENDINGS =
            EnumSet.of(ControlState.RESOLVED, ControlState.HANDED_BACK, ControlState.ABANDONED, ControlState.FAILED);

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    HandoverMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    void count(@Observes Published published) {
        published.as(HandoverRequested.TYPE).ifPresent(this::requested);
        published.as(HandoverStateChanged.TYPE).ifPresent(this::changed);
    }

    private void requested(HandoverRequested request) {
        String priority = request.priority().name().toLowerCase(Locale.ROOT);
        String channel = Labels.code(request.handoverPackage().channel());
        String language = Labels.language(request.language());
        Set<String> reasons = request.reasons().stream()
                .map(reason -> Labels.code(reason.code()))
                .collect(Collectors.toSet());
        afterCommit.record(() -> {
            registry.counter(
                            "takeover.handovers.requested",
                            "priority",
                            priority,
                            "channel",
                            channel,
                            "language",
                            language)
                    .increment();
            // A handover may have several reasons: each is counted once, so the reasons add up to more than the
            // handovers.
            reasons.forEach(reason -> registry.counter("takeover.handover.reasons", "reason", reason)
                    .increment());
        });
    }

    private void changed(HandoverStateChanged change) {
        if (!ENDINGS.contains(change.to()) || change.from() == change.to()) {
            return;
        }
        String ending = change.to().name().toLowerCase(Locale.ROOT);
        afterCommit.record(() ->
                registry.counter("takeover.handovers.ended", "state", ending).increment());
    }
}
