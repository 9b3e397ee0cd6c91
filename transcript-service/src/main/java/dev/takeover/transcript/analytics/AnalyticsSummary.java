package dev.takeover.transcript.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import dev.takeover.events.bot.SatisfactionRated;
import dev.takeover.events.bot.SatisfactionRated.ServedBy;
import dev.takeover.transcript.analytics.ConversationFigures.Containment;

/**
 * The supervisors' summary of the conversations that started in a range: volume, containment, handovers, times,
 * satisfaction, cost, and where the bot fails. A pure computation over the read model's rows; {@code now} decides which
 * conversations are still inside their repeat-contact window (an ISO-8601 duration in the answer).
 */
public record AnalyticsSummary(
        Instant from,
        Instant to,
        String groupBy,
        String repeatContactWindow,
        Figures total,
        List<Group> groups,
        WhereTheBotFails whereTheBotFails) {

    /** Intents listed for each way the bot fails. */
    static final int WORST_INTENTS = 5;

    public record Group(String key, Figures figures) {}

    public record Figures(
            Volume volume,
            ContainmentFigures containment,
            Handovers handovers,
            Times times,
            Satisfaction satisfaction,
            Cost cost,
            FailureCounts failures) {}

    public record Volume(long conversations, long customerMessages) {}

    /** {@code rate}: contained among the conversations whose window is over; null while there are none. */
    public record ContainmentFigures(long contained, long repeated, long pending, Double rate) {}

    public record Handovers(long count, Double rate, SortedMap<String, Long> reasons) {}

    public record Times(
            Percentiles timeToTakeover, Percentiles queueWait, Percentiles firstResponse, Percentiles handleTime) {}

    /** Nearest-rank percentiles in whole seconds over {@code count} measured conversations; null when none. */
    public record Percentiles(int count, Long p50Seconds, Long p90Seconds) {}

    /** The customers' satisfaction ratings, bot vs agent: whom each rating is about. */
    public record Satisfaction(Csat bot, Csat agent) {}

    /**
     * {@code scores} ratings of 1 to 5 and {@code inWords} answers in words; the mean score, how many gave each score,
     * and {@code satisfiedRate}, the share of 4s and 5s (the usual CSAT). Average and rate are null while no score.
     */
    public record Csat(
            long scores, long inWords, Double average, SortedMap<Integer, Long> distribution, Double satisfiedRate) {}

    /**
     * Every conversation costs the bot's unit cost; one a person handled adds the agent's minutes at the measured mean
     * handle time. The all-human baseline is every conversation at that handle time, without the bot.
     */
    public record Cost(
            long botConversations,
            long humanConversations,
            double botPerConversation,
            Double humanPerConversation,
            double total,
            Double allHumanBaseline,
            Double saving) {}

    public record FailureCounts(long clarifications, long rejections, long botFailures, long escalations, long flags) {}

    public record WhereTheBotFails(
            List<IntentFailures> clarifications,
            List<IntentFailures> rejections,
            List<IntentFailures> botFailures,
            List<IntentFailures> escalations,
            List<IntentFailures> flags,
            List<IntentFailures> lowBotRatings) {}

    /** How often the bot failed this way on conversations about this intent, and some of them to open. */
    public record IntentFailures(String intent, long count, List<String> examples) {}

    /** The unit costs and windows the summary is computed with. */
    public record Terms(
            Duration repeatContactWindow, double botConversationCost, double agentMinuteCost, int examples) {}

    public static AnalyticsSummary of(
            Instant from, Instant to, GroupBy groupBy, List<ConversationFigures> rows, Terms terms, Instant now) {
        SortedMap<String, List<ConversationFigures>> grouped = new TreeMap<>();
        for (ConversationFigures row : rows) {
            for (String key : groupBy.keysOf(row)) {
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        List<Group> groups = grouped.entrySet().stream()
                .map(group -> new Group(group.getKey(), figures(group.getValue(), terms, now)))
                .toList();
        return new AnalyticsSummary(
                from,
                to,
                groupBy.parameter(),
                terms.repeatContactWindow().toString(),
                figures(rows, terms, now),
                groups,
                new WhereTheBotFails(
                        worst(rows, ConversationFigures::clarifications, terms),
                        worst(rows, ConversationFigures::rejections, terms),
                        worst(rows, ConversationFigures::botFailures, terms),
                        worst(rows, row -> row.handedOver() ? 1 : 0, terms),
                        worst(rows, ConversationFigures::flags, terms),
                        worst(rows, row -> row.ratings().lowBotScores(), terms)));
    }

    static Figures figures(List<ConversationFigures> rows, Terms terms, Instant now) {
        long conversations = rows.size();
        Map<Containment, Long> containment = new TreeMap<>();
        SortedMap<String, Long> reasons = new TreeMap<>();
        for (ConversationFigures row : rows) {
            containment.merge(row.containment(now, terms.repeatContactWindow()), 1L, Long::sum);
            row.handoverReasons().forEach(reason -> reasons.merge(reason, 1L, Long::sum));
        }
        long contained = containment.getOrDefault(Containment.CONTAINED, 0L);
        long pending = containment.getOrDefault(Containment.PENDING, 0L);
        long handovers = containment.getOrDefault(Containment.HANDED_OVER, 0L);
        return new Figures(
                new Volume(conversations, sum(rows, ConversationFigures::customerMessages)),
                new ContainmentFigures(
                        contained,
                        containment.getOrDefault(Containment.REPEATED, 0L),
                        pending,
                        rate(contained, conversations - pending)),
                new Handovers(handovers, rate(handovers, conversations), reasons),
                new Times(
                        percentiles(rows, ConversationFigures::timeToTakeover),
                        percentiles(rows, ConversationFigures::queueWait),
                        percentiles(rows, ConversationFigures::firstResponse),
                        percentiles(rows, ConversationFigures::handleTime)),
                new Satisfaction(csat(rows, ServedBy.BOT), csat(rows, ServedBy.AGENT)),
                cost(rows, terms),
                new FailureCounts(
                        sum(rows, ConversationFigures::clarifications),
                        sum(rows, ConversationFigures::rejections),
                        sum(rows, ConversationFigures::botFailures),
                        handovers,
                        sum(rows, ConversationFigures::flags)));
    }

    static Cost cost(List<ConversationFigures> rows, Terms terms) {
        long human = rows.stream().filter(ConversationFigures::handledByPerson).count();
        long bot = rows.size() - human;
        List<Duration> handleTimes = rows.stream()
                .map(ConversationFigures::handleTime)
                .flatMap(Optional::stream)
                .toList();
        double botCost = terms.botConversationCost();
        if (handleTimes.isEmpty()) {
            return new Cost(bot, human, money(botCost), null, money(botCost * rows.size()), null, null);
        }
        double meanMinutes =
                handleTimes.stream().mapToLong(Duration::toMillis).average().orElseThrow() / 60_000.0;
        double agentCost = meanMinutes * terms.agentMinuteCost();
        double total = botCost * rows.size() + agentCost * human;
        double baseline = agentCost * rows.size();
        return new Cost(
                bot,
                human,
                money(botCost),
                money(botCost + agentCost),
                money(total),
                money(baseline),
                money(baseline - total));
    }

    static Csat csat(List<ConversationFigures> rows, ServedBy servedBy) {
        SortedMap<Integer, Long> distribution = new TreeMap<>();
        for (int score = SatisfactionRated.LOWEST; score <= SatisfactionRated.HIGHEST; score++) {
            distribution.put(score, 0L);
        }
        long inWords = 0;
        long sum = 0;
        for (ConversationFigures row : rows) {
            inWords += row.ratings().inWords(servedBy);
            for (int score : row.ratings().scores(servedBy)) {
                distribution.merge(score, 1L, Long::sum);
                sum += score;
            }
        }
        long scores = distribution.values().stream().mapToLong(Long::longValue).sum();
        long satisfied = distribution.get(4) + distribution.get(5);
        Double average = scores == 0 ? null : Math.round(sum * 100.0 / scores) / 100.0;
        return new Csat(scores, inWords, average, distribution, rate(satisfied, scores));
    }

    static Percentiles percentiles(
            List<ConversationFigures> rows, Function<ConversationFigures, Optional<Duration>> time) {
        List<Long> seconds = rows.stream()
                .map(time)
                .flatMap(Optional::stream)
                .map(Duration::toSeconds)
                .sorted()
                .toList();
        if (seconds.isEmpty()) {
            return new Percentiles(0, null, null);
        }
        return new Percentiles(seconds.size(), nearestRank(seconds, 50), nearestRank(seconds, 90));
    }

    private static long nearestRank(List<Long> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** The intents with the most failures of one kind, most first, each with the conversations that failed most. */
    static List<IntentFailures> worst(
            List<ConversationFigures> rows, ToIntFunction<ConversationFigures> failures, Terms terms) {
        SortedMap<String, List<ConversationFigures>> byIntent = new TreeMap<>();
        rows.stream()
                .filter(row -> failures.applyAsInt(row) > 0)
                .forEach(row -> byIntent.computeIfAbsent(
                                row.intent() == null ? "unknown" : row.intent(), k -> new ArrayList<>())
                        .add(row));
        Comparator<ConversationFigures> mostFailuresFirst = Comparator.<ConversationFigures>comparingInt(failures)
                .reversed()
                .thenComparing(ConversationFigures::startedAt)
                .thenComparing(ConversationFigures::conversationId);
        return byIntent.entrySet().stream()
                .map(intent -> new IntentFailures(
                        intent.getKey(),
                        sum(intent.getValue(), failures),
                        intent.getValue().stream()
                                .sorted(mostFailuresFirst)
                                .limit(terms.examples())
                                .map(ConversationFigures::conversationId)
                                .toList()))
                .sorted(Comparator.comparingLong(IntentFailures::count).reversed())
                .limit(WORST_INTENTS)
                .toList();
    }

    private static long sum(List<ConversationFigures> rows, ToIntFunction<ConversationFigures> value) {
        return rows.stream().mapToLong(value::applyAsInt).sum();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    private static double money(double amount) {
        return Math.round(amount * 100.0) / 100.0;
    }
}
