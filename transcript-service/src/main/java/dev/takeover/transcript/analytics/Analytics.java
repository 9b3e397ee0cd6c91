package dev.takeover.transcript.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;

import dev.takeover.common.domain.Refused;
import dev.takeover.transcript.TranscriptConfig;
import dev.takeover.transcript.analytics.AnalyticsSummary.Terms;

/** The supervisors' summary of a range, from the read model and the configured unit costs. */
@ApplicationScoped
public class Analytics {

    private final AnalyticsStore store;
    private final TranscriptConfig.Analytics config;
    private final Clock clock;

    Analytics(AnalyticsStore store, TranscriptConfig config, Clock clock) {
        this.store = store;
        this.config = config.analytics();
        this.clock = clock;
    }

    /** The conversations that started in {@code [from, to)}; a range backwards or longer than allowed is refused. */
    public AnalyticsSummary summary(Instant from, Instant to, GroupBy groupBy) {
        if (!from.isBefore(to)) {
            throw Refused.invalid("from must be before to");
        }
        if (Duration.between(from, to).compareTo(config.longestRange()) > 0) {
            throw Refused.invalid(
                    "the range may be at most " + config.longestRange().toDays() + " days");
        }
        Terms terms = new Terms(
                config.repeatContactWindow(),
                config.botConversationCost(),
                config.agentMinuteCost(),
                config.examples());
        return AnalyticsSummary.of(
                from,
                to,
                groupBy,
                store.startedBetween(from, to, config.repeatContactWindow()),
                terms,
                clock.instant());
    }

    /** The end of a range nobody named. */
    public Instant now() {
        return clock.instant();
    }
}
