package dev.takeover.agent.routing;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.takeover.agent.Requirements;
import dev.takeover.agent.routing.RoutingPolicy.Candidate;
import dev.takeover.agent.routing.RoutingPolicy.Offer;
import dev.takeover.agent.routing.RoutingPolicy.Plan;
import dev.takeover.agent.routing.RoutingPolicy.Waiting;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Requirements BILLING_DE = Requirements.of(List.of("billing"), "de", null);

    @Test
    void offersOnlyToAgentsWithEverySkillAndTheLanguage() {
        Candidate noSkill = agent("no-skill", Set.of("sales"), Set.of("de"), 0, NOW);
        Candidate noLanguage = agent("no-language", Set.of("billing"), Set.of("en"), 0, NOW);
        Candidate fits = agent("fits", Set.of("billing", "sales"), Set.of("de", "en"), 2, NOW);

        Plan plan = RoutingPolicy.plan(List.of(waiting("h1", BILLING_DE)), List.of(noSkill, noLanguage, fits), NOW);

        assertThat(plan.offers()).containsExactly(new Offer("h1", "fits"));
    }

    @Test
    void anUnknownLanguageMatchesEveryAgentWithTheSkills() {
        Candidate agent = agent("a", Set.of("billing"), Set.of("fr"), 0, NOW);

        Plan plan = RoutingPolicy.plan(
                List.of(waiting("h1", Requirements.of(List.of("billing"), null, null))), List.of(agent), NOW);

        assertThat(plan.offers()).containsExactly(new Offer("h1", "a"));
    }

    @Test
    void picksTheLeastLoadedAgentAndOnATieTheOneIdleLongest() {
        Candidate busy = agent("busy", Set.of("billing"), Set.of("de"), 2, NOW.minusSeconds(900));
        Candidate idleShort = agent("idle-short", Set.of("billing"), Set.of("de"), 1, NOW.minusSeconds(60));
        Candidate idleLong = agent("idle-long", Set.of("billing"), Set.of("de"), 1, NOW.minusSeconds(600));

        Plan plan = RoutingPolicy.plan(
                List.of(waiting("h1", BILLING_DE), waiting("h2", BILLING_DE), waiting("h3", BILLING_DE)),
                List.of(busy, idleShort, idleLong),
                NOW);

        // Each offer loads its agent and makes them the most recently busy, so the next goes elsewhere.
        assertThat(plan.offers())
                .containsExactly(new Offer("h1", "idle-long"), new Offer("h2", "idle-short"), new Offer("h3", "busy"));
    }

    @Test
    void servesTheQueueInTheOrderGivenUntilTheSlotsRunOut() {
        Candidate oneSlotLeft = agent("a", Set.of("billing"), Set.of("de"), 2, NOW);

        Plan plan = RoutingPolicy.plan(
                List.of(waiting("first", BILLING_DE), waiting("second", BILLING_DE)), List.of(oneSlotLeft), NOW);

        assertThat(plan.offers()).containsExactly(new Offer("first", "a"));
    }

    @Test
    void aConversationNobodyCanServeDoesNotBlockTheOnesBehindIt() {
        Candidate agent = agent("a", Set.of("billing"), Set.of("de"), 0, NOW);

        Plan plan = RoutingPolicy.plan(
                List.of(
                        waiting("french", Requirements.of(List.of("billing"), "fr", null)),
                        waiting("german", BILLING_DE)),
                List.of(agent),
                NOW);

        assertThat(plan.offers()).containsExactly(new Offer("german", "a"));
        assertThat(plan.exhaustedRounds()).isEmpty();
    }

    @Test
    void neverOffersAgainToAnAgentWhoDeclinedInThisRound() {
        Candidate declined = agent("declined", Set.of("billing"), Set.of("de"), 0, NOW.minusSeconds(999));
        Candidate other = agent("other", Set.of("billing"), Set.of("de"), 2, NOW);

        Plan plan = RoutingPolicy.plan(
                List.of(new Waiting("h1", BILLING_DE, Set.of("declined"), null, null, null)),
                List.of(declined, other),
                NOW);

        assertThat(plan.offers()).containsExactly(new Offer("h1", "other"));
    }

    @Test
    void theRoundEndsWhenEverySuitableAgentOnlineHasDeclined() {
        Candidate declined = agent("declined", Set.of("billing"), Set.of("de"), 0, NOW);

        Plan plan = RoutingPolicy.plan(
                List.of(new Waiting("h1", BILLING_DE, Set.of("declined"), null, null, null)), List.of(declined), NOW);

        assertThat(plan.offers()).isEmpty();
        assertThat(plan.exhaustedRounds()).containsExactly("h1");
    }

    @Test
    void aConversationRestingBetweenRoundsIsNotOffered() {
        Candidate agent = agent("a", Set.of("billing"), Set.of("de"), 0, NOW);

        Plan plan = RoutingPolicy.plan(
                List.of(new Waiting("h1", BILLING_DE, Set.of(), NOW.plusSeconds(5), null, null)), List.of(agent), NOW);

        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void thePreviousAgentGetsTheCustomerFirstEvenWhenBusierThanOthers() {
        Candidate previous = agent("previous", Set.of("billing"), Set.of("de"), 2, NOW);
        Candidate idle = agent("idle", Set.of("billing"), Set.of("de"), 0, NOW.minusSeconds(999));

        Plan plan = RoutingPolicy.plan(
                List.of(sticky("h1", "previous", NOW.plusSeconds(60))), List.of(previous, idle), NOW);

        assertThat(plan.offers()).containsExactly(new Offer("h1", "previous"));
    }

    @Test
    void aBusyPreviousAgentOnlineIsWaitedForWhileTheWindowLastsThenAnyoneSuitableGetsIt() {
        Candidate previous = agent("previous", Set.of("billing"), Set.of("de"), 3, NOW);
        Candidate idle = agent("idle", Set.of("billing"), Set.of("de"), 0, NOW);

        Plan held = RoutingPolicy.plan(
                List.of(sticky("h1", "previous", NOW.plusSeconds(60))), List.of(previous, idle), NOW);
        Plan afterWindow = RoutingPolicy.plan(
                List.of(sticky("h1", "previous", NOW.minusSeconds(1))), List.of(previous, idle), NOW);

        assertThat(held.offers()).isEmpty();
        assertThat(afterWindow.offers()).containsExactly(new Offer("h1", "idle"));
    }

    @Test
    void aPreviousAgentWhoIsNotOnlineOrDeclinedIsNotWaitedFor() {
        Candidate idle = agent("idle", Set.of("billing"), Set.of("de"), 0, NOW);

        Plan offline = RoutingPolicy.plan(List.of(sticky("h1", "previous", NOW.plusSeconds(60))), List.of(idle), NOW);
        Plan declined = RoutingPolicy.plan(
                List.of(new Waiting("h1", BILLING_DE, Set.of("previous"), null, "previous", NOW.plusSeconds(60))),
                List.of(agent("previous", Set.of("billing"), Set.of("de"), 0, NOW), idle),
                NOW);

        assertThat(offline.offers()).containsExactly(new Offer("h1", "idle"));
        assertThat(declined.offers()).containsExactly(new Offer("h1", "idle"));
    }

    @Test
    void aTeamTransferGoesOnlyToMembersOfTheTeam() {
        Candidate outsider =
                new Candidate("outsider", Set.of(), Set.of("de"), Set.of("sales"), 3, 0, NOW.minusSeconds(99));
        Candidate member = new Candidate("member", Set.of(), Set.of("de"), Set.of("billing"), 3, 1, NOW);

        Plan plan = RoutingPolicy.plan(
                List.of(waiting("h1", Requirements.of(List.of(), "de", "billing"))), List.of(outsider, member), NOW);

        assertThat(plan.offers()).containsExactly(new Offer("h1", "member"));
    }

    private static Candidate agent(
            String id, Set<String> skills, Set<String> languages, int active, Instant idleSince) {
        return new Candidate(id, skills, languages, Set.of(), 3, active, idleSince);
    }

    private static Waiting waiting(String handoverId, Requirements requirements) {
        return new Waiting(handoverId, requirements, Set.of(), null, null, null);
    }

    private static Waiting sticky(String handoverId, String previousAgent, Instant until) {
        return new Waiting(handoverId, BILLING_DE, Set.of(), null, previousAgent, until);
    }
}
