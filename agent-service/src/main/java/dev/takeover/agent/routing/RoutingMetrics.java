package dev.takeover.agent.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.takeover.agent.Takeover;
import dev.takeover.common.delivery.Published;
import dev.takeover.common.metrics.AfterCommit;
import dev.takeover.common.metrics.Labels;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationResolved;

/**
 * The customer's wait and the agents' work, as a contact centre measures them: queue wait (requested until an agent
 * was offered it), time to takeover (until an agent had it), time to the agent's first answer, and handle time (until
 * the agent resolved it or handed it back to the bot). Recorded from the takeover whose event was published, after
 * commit; the histograms let Prometheus compute p50 and p90.
 */
@ApplicationScoped
public class RoutingMetrics {

    private static final Duration SHORTEST = Duration.ofMillis(100);
    private static final Duration LONGEST = Duration.ofHours(8);

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    RoutingMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    void count(@Observes Published published) {
        published.as(ConversationAssigned.TYPE).ifPresent(assigned -> assigned(assigned.handoverId()));
        published.as(ConversationResolved.TYPE).ifPresent(resolved -> closed(resolved.handoverId()));
        published.as(ConversationHandedBack.TYPE).ifPresent(handedBack -> closed(handedBack.handoverId()));
    }

    /** Called by the desk with the time since assignment, for the agent's first message of a takeover only. */
    public void firstResponse(Takeover takeover, Duration sinceAssignment) {
        Timer timer = timer("takeover.handover.first.response", "Assignment until the agent's first message", takeover);
        afterCommit.record(() -> timer.record(sinceAssignment));
    }

    private void assigned(String handoverId) {
        Takeover takeover = Takeover.findById(handoverId);
        Duration wait = between(takeover.requestedAt, takeover.offeredAt);
        Duration toTakeover = between(takeover.requestedAt, takeover.assignedAt);
        Timer queueWait =
                timer("takeover.handover.queue.wait", "Handover requested until offered to an agent", takeover);
        Timer timeToTakeover =
                timer("takeover.handover.time.to.takeover", "Handover requested until an agent has it", takeover);
        afterCommit.record(() -> {
            queueWait.record(wait);
            timeToTakeover.record(toTakeover);
        });
    }

    private void closed(String handoverId) {
        Takeover takeover = Takeover.findById(handoverId);
        Duration handled = between(takeover.assignedAt, takeover.closedAt);
        Timer handleTime = Timer.builder("takeover.handover.handle.time")
                .description("Assignment until the agent resolved the conversation or handed it back to the bot")
                .tag("outcome", takeover.state.name().toLowerCase(Locale.ROOT))
                .tag("channel", Labels.code(takeover.channel))
                .publishPercentileHistogram()
                .minimumExpectedValue(SHORTEST)
                .maximumExpectedValue(LONGEST)
                .register(registry);
        afterCommit.record(() -> handleTime.record(handled));
    }

    private Timer timer(String name, String description, Takeover takeover) {
        return Timer.builder(name)
                .description(description)
                .tag("priority", takeover.priority().name().toLowerCase(Locale.ROOT))
                .tag("channel", Labels.code(takeover.channel))
                .publishPercentileHistogram()
                .minimumExpectedValue(SHORTEST)
                .maximumExpectedValue(LONGEST)
                .register(registry);
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null || to.isBefore(from) ? Duration.ZERO : Duration.between(from, to);
    }
}
