package dev.takeover.agent.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.takeover.agent.Requirements;
import dev.takeover.agent.queue.QueueEstimate.Entry;
import dev.takeover.agent.queue.QueueEstimate.Estimate;
import dev.takeover.agent.routing.RoutingPolicy.Candidate;

import static org.assertj.core.api.Assertions.assertThat;

class QueueEstimateTest {

    private static final Requirements GERMAN = Requirements.of(List.of(), "de", null);
    private static final Requirements FRENCH = Requirements.of(List.of(), "fr", null);
    private static final Requirements GERMAN_BILLING = Requirements.of(List.of("billing"), "de", null);

    @Test
    void countsOnlyTheConversationsAheadThatCompeteForTheSameAgents() {
        Candidate german = new Candidate("g", Set.of("billing"), Set.of("de"), Set.of(), 2, 2, null);
        Candidate french = new Candidate("f", Set.of(), Set.of("fr"), Set.of(), 2, 2, null);

        Map<String, Estimate> estimates = QueueEstimate.estimate(
                List.of(
                        new Entry("de-1", GERMAN),
                        new Entry("fr-1", FRENCH),
                        new Entry("de-billing-1", GERMAN_BILLING),
                        new Entry("fr-2", FRENCH)),
                List.of(german, french),
                Duration.ofMinutes(4));

        assertThat(estimates.get("de-1").position()).isEqualTo(1);
        assertThat(estimates.get("fr-1").position()).isEqualTo(1);
        assertThat(estimates.get("de-billing-1").position()).isEqualTo(2);
        assertThat(estimates.get("fr-2").position()).isEqualTo(2);
    }

    @Test
    void expectsTheWaitFromHandlingTimeAndTheMatchingAgentsSlots() {
        Candidate full = new Candidate("a", Set.of(), Set.of("de"), Set.of(), 2, 2, null);
        Candidate oneFree = new Candidate("b", Set.of(), Set.of("de"), Set.of(), 2, 1, null);

        Map<String, Estimate> estimates = QueueEstimate.estimate(
                List.of(new Entry("1", GERMAN), new Entry("2", GERMAN), new Entry("3", GERMAN)),
                List.of(full, oneFree),
                Duration.ofMinutes(4));

        // One slot is free now; after that four slots free up every four minutes: one a minute.
        assertThat(estimates.get("1").expectedWaitSeconds()).isZero();
        assertThat(estimates.get("2").expectedWaitSeconds()).isEqualTo(60);
        assertThat(estimates.get("3").expectedWaitSeconds()).isEqualTo(120);
        assertThat(estimates.get("3").matchingAgentsOnline()).isEqualTo(2);
    }

    @Test
    void nobodyOnlineWhoCouldTakeItMeansAnUnknownWait() {
        Candidate german = new Candidate("g", Set.of(), Set.of("de"), Set.of(), 2, 0, null);

        Estimate estimate = QueueEstimate.estimate(
                        List.of(new Entry("fr", FRENCH)), List.of(german), Duration.ofMinutes(4))
                .get("fr");

        assertThat(estimate.position()).isEqualTo(1);
        assertThat(estimate.matchingAgentsOnline()).isZero();
        assertThat(estimate.expectedWaitSeconds()).isZero();
    }
}
