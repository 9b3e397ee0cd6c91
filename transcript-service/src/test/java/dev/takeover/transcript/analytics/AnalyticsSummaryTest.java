package dev.takeover.transcript.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.takeover.events.bot.SatisfactionRated;
import dev.takeover.events.bot.SatisfactionRated.ServedBy;
import dev.takeover.transcript.analytics.AnalyticsSummary.Cost;
import dev.takeover.transcript.analytics.AnalyticsSummary.Csat;
import dev.takeover.transcript.analytics.AnalyticsSummary.Figures;
import dev.takeover.transcript.analytics.AnalyticsSummary.IntentFailures;
import dev.takeover.transcript.analytics.AnalyticsSummary.Percentiles;
import dev.takeover.transcript.analytics.AnalyticsSummary.Terms;
import dev.takeover.transcript.analytics.ConversationFigures.Containment;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsSummaryTest {

    private static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(3);
    private static final Terms TERMS = new Terms(WINDOW, 0.5, 1.0, 2);

    @Test
    void percentilesAreNearestRankInWholeSeconds() {
        List<ConversationFigures> rows = new ArrayList<>();
        for (int seconds = 1; seconds <= 10; seconds++) {
            rows.add(handled("c" + seconds, "billing", Duration.ofSeconds(seconds * 60L), 0));
        }
        Percentiles handle = AnalyticsSummary.percentiles(rows, ConversationFigures::handleTime);
        assertThat(handle).isEqualTo(new Percentiles(10, 300L, 540L));
        assertThat(AnalyticsSummary.percentiles(List.of(), ConversationFigures::handleTime))
                .isEqualTo(new Percentiles(0, null, null));
    }

    @Test
    void containmentWaitsForTheRepeatContactWindow() {
        ConversationFigures kept = bot("kept", "hours", false);
        ConversationFigures cameBack = bot("back", "hours", true);
        assertThat(kept.containment(T.plus(Duration.ofDays(1)), WINDOW)).isEqualTo(Containment.PENDING);
        assertThat(kept.containment(T.plus(WINDOW), WINDOW)).isEqualTo(Containment.CONTAINED);
        assertThat(cameBack.containment(T.plus(Duration.ofDays(1)), WINDOW)).isEqualTo(Containment.REPEATED);
        assertThat(handled("h", "billing", Duration.ofMinutes(4), 0).containment(T.plus(WINDOW), WINDOW))
                .isEqualTo(Containment.HANDED_OVER);

        Figures early = AnalyticsSummary.figures(List.of(kept, cameBack), TERMS, T.plus(Duration.ofDays(1)));
        assertThat(early.containment().pending()).isEqualTo(1);
        assertThat(early.containment().rate()).isEqualTo(0.0);
        Figures none = AnalyticsSummary.figures(List.of(kept), TERMS, T);
        assertThat(none.containment().rate()).isNull();
    }

    @Test
    void aPersonCostsTheMeanHandleTimeAndTheBaselineHasNoBot() {
        List<ConversationFigures> rows = List.of(
                handled("h1", "billing", Duration.ofMinutes(4), 0),
                handled("h2", "billing", Duration.ofMinutes(8), 0),
                bot("b1", "hours", false),
                bot("b2", "hours", false));
        // Mean handle time 6 minutes at 1.00: a human conversation costs 0.50 + 6.00.
        assertThat(AnalyticsSummary.cost(rows, TERMS)).isEqualTo(new Cost(2, 2, 0.5, 6.5, 14.0, 24.0, 10.0));
        assertThat(AnalyticsSummary.cost(List.of(bot("b", "hours", false)), TERMS))
                .isEqualTo(new Cost(1, 0, 0.5, null, 0.5, null, null));
    }

    @Test
    void theWorstIntentsComeFirstWithTheirWorstConversations() {
        List<ConversationFigures> rows = List.of(
                handled("a", "billing", Duration.ofMinutes(1), 1),
                handled("b", "billing", Duration.ofMinutes(1), 3),
                handled("c", "billing", Duration.ofMinutes(1), 2),
                handled("d", "hours", Duration.ofMinutes(1), 1),
                handled("e", "moving", Duration.ofMinutes(1), 0));
        List<IntentFailures> worst = AnalyticsSummary.worst(rows, ConversationFigures::clarifications, TERMS);
        assertThat(worst)
                .containsExactly(
                        new IntentFailures("billing", 6, List.of("b", "c")),
                        new IntentFailures("hours", 1, List.of("d")));
    }

    @Test
    void byReasonAHandoverCountsForEachOfItsReasonsAndTheRestFallInNone() {
        ConversationFigures twoReasons = new ConversationFigures(
                "x",
                T,
                "web",
                "en",
                "billing",
                1,
                0,
                0,
                0,
                0,
                T,
                List.of("CUSTOMER_REQUEST", "FRUSTRATION"),
                null,
                null,
                null,
                null,
                false,
                Ratings.NONE);
        assertThat(GroupBy.REASON.keysOf(twoReasons)).containsExactly("CUSTOMER_REQUEST", "FRUSTRATION");
        assertThat(GroupBy.REASON.keysOf(bot("y", "hours", false))).containsExactly("none");
        assertThat(GroupBy.DAY.keysOf(twoReasons)).containsExactly("2026-11-23");
        assertThat(GroupBy.named("intent")).contains(GroupBy.INTENT);
        assertThat(GroupBy.named("INTENT")).isEmpty();
    }

    @Test
    void satisfactionIsApartByWhomTheRatingIsAboutWithTheAverageAndEveryScore() {
        List<ConversationFigures> rows = List.of(
                rated("a", rating(ServedBy.AGENT, 5).plus(rating(ServedBy.AGENT, 2))),
                rated("b", rating(ServedBy.AGENT, 4).plus(rating(ServedBy.AGENT, null))),
                rated("c", rating(ServedBy.BOT, 3)),
                rated("d", rating(ServedBy.BOT, null)),
                rated("e", Ratings.NONE));

        Figures figures = AnalyticsSummary.figures(rows, TERMS, T);

        Csat agent = figures.satisfaction().agent();
        assertThat(agent.scores()).isEqualTo(3);
        assertThat(agent.inWords()).isEqualTo(1);
        assertThat(agent.average()).isEqualTo(3.67);
        assertThat(agent.distribution())
                .containsExactly(
                        Map.entry(1, 0L), Map.entry(2, 1L), Map.entry(3, 0L), Map.entry(4, 1L), Map.entry(5, 1L));
        assertThat(agent.satisfiedRate()).isEqualTo(0.6667);
        Csat bot = figures.satisfaction().bot();
        assertThat(bot.scores()).isEqualTo(1);
        assertThat(bot.inWords()).isEqualTo(1);
        assertThat(bot.average()).isEqualTo(3.0);
        assertThat(bot.satisfiedRate()).isEqualTo(0.0);

        assertThat(rated(
                                "low",
                                rating(ServedBy.BOT, 1)
                                        .plus(rating(ServedBy.BOT, 2))
                                        .plus(rating(ServedBy.BOT, 3)))
                        .ratings()
                        .lowBotScores())
                .as("a 1 and a 2 of the bot's own help; an agent's 2 is not the bot's")
                .isEqualTo(2);
        assertThat(rows.get(0).ratings().lowBotScores()).isZero();

        Csat none = AnalyticsSummary.csat(List.of(rated("e", Ratings.NONE)), ServedBy.BOT);
        assertThat(none.scores()).isZero();
        assertThat(none.average()).isNull();
        assertThat(none.satisfiedRate()).isNull();
        assertThat(none.distribution())
                .hasSize(5)
                .allSatisfy((score, count) -> assertThat(count).isZero());
    }

    @Test
    void aBatchFoldsToOneRowPerConversationWhateverTheOrder() {
        AnalyticsChange first = change("c", T.plusSeconds(10), "billing", T.plusSeconds(10), "A");
        AnalyticsChange second = change("c", T, "moving", T.plusSeconds(20), "B");
        List<AnalyticsChange> forwards = AnalyticsChange.fold(List.of(first, second));
        List<AnalyticsChange> backwards = AnalyticsChange.fold(List.of(second, first));
        assertThat(forwards).hasSize(1);
        assertThat(forwards.get(0).startedAt()).isEqualTo(T);
        // The intent the bot understood first, not the one it heard about first.
        assertThat(forwards.get(0).intent()).isEqualTo("moving");
        assertThat(forwards.get(0).customerMessages()).isEqualTo(2);
        assertThat(forwards.get(0).handoverReasons()).containsExactly("A", "B");
        assertThat(forwards.get(0).endedAt()).isEqualTo(T.plusSeconds(20));
        assertThat(backwards.get(0).intent()).isEqualTo(forwards.get(0).intent());
        assertThat(backwards.get(0).startedAt()).isEqualTo(forwards.get(0).startedAt());
        assertThat(backwards.get(0).endedAt()).isEqualTo(forwards.get(0).endedAt());

        AnalyticsChange rated = new AnalyticsChange(
                "c",
                T,
                null,
                null,
                null,
                null,
                null,
                0,
                0,
                0,
                0,
                0,
                null,
                new TreeSet<>(),
                null,
                null,
                null,
                null,
                rating(ServedBy.AGENT, 4).plus(rating(ServedBy.BOT, null)));
        AnalyticsChange folded =
                AnalyticsChange.fold(List.of(first, rated, second)).get(0);
        assertThat(folded.ratings()).isEqualTo(new Ratings(List.of(), List.of(4), 1, 0));
    }

    private static AnalyticsChange change(String id, Instant at, String intent, Instant ended, String reason) {
        SortedSet<String> reasons = new TreeSet<>(List.of(reason));
        return new AnalyticsChange(
                id,
                at,
                "web",
                "en",
                null,
                intent,
                at,
                1,
                0,
                0,
                0,
                0,
                at,
                reasons,
                null,
                null,
                null,
                ended,
                Ratings.NONE);
    }

    private static ConversationFigures handled(String id, String intent, Duration handle, int clarifications) {
        Instant requested = T.plusSeconds(60);
        Instant assigned = requested.plusSeconds(30);
        return new ConversationFigures(
                id,
                T,
                "web",
                "en",
                intent,
                2,
                clarifications,
                0,
                0,
                0,
                requested,
                List.of("CUSTOMER_REQUEST"),
                requested.plusSeconds(10),
                assigned,
                assigned.plusSeconds(20),
                assigned.plus(handle),
                false,
                Ratings.NONE);
    }

    private static ConversationFigures bot(String id, String intent, boolean repeated) {
        return new ConversationFigures(
                id, T, "web", "en", intent, 1, 0, 0, 0, 0, null, List.of(), null, null, null, null, repeated, null);
    }

    private static ConversationFigures rated(String id, Ratings ratings) {
        return new ConversationFigures(
                id, T, "web", "en", "hours", 1, 0, 0, 0, 0, null, List.of(), null, null, null, null, false, ratings);
    }

    private static Ratings rating(ServedBy servedBy, Integer score) {
        return Ratings.of(new SatisfactionRated(
                "c", "m", score, score == null, servedBy, servedBy == ServedBy.AGENT ? "h" : null, "en", "web", T));
    }
}
