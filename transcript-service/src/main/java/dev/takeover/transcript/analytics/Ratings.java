package dev.takeover.transcript.analytics;

import java.util.ArrayList;
import java.util.List;

import dev.takeover.events.bot.SatisfactionRated;
import dev.takeover.events.bot.SatisfactionRated.ServedBy;

/**
 * A conversation's satisfaction ratings, apart by who served the customer: the scores (1 to 5) and how many answers
 * came in words. Ratings only add up, so the row is the same whatever order they arrive in.
 */
public record Ratings(List<Integer> botScores, List<Integer> agentScores, int botInWords, int agentInWords) {

    static final int LOW = 2;

    public static final Ratings NONE = new Ratings(List.of(), List.of(), 0, 0);

    public Ratings {
        botScores = botScores == null ? List.of() : List.copyOf(botScores);
        agentScores = agentScores == null ? List.of() : List.copyOf(agentScores);
    }

    public static Ratings of(SatisfactionRated rated) {
        boolean agent = rated.servedBy() == ServedBy.AGENT;
        if (rated.answeredInWords()) {
            return new Ratings(List.of(), List.of(), agent ? 0 : 1, agent ? 1 : 0);
        }
        List<Integer> score = List.of(rated.score());
        return agent ? new Ratings(List.of(), score, 0, 0) : new Ratings(score, List.of(), 0, 0);
    }

    public Ratings plus(Ratings other) {
        return new Ratings(
                joined(botScores, other.botScores),
                joined(agentScores, other.agentScores),
                botInWords + other.botInWords,
                agentInWords + other.agentInWords);
    }

    /** Scores of 1 or 2 for the bot's own help: where customers the bot served alone were unhappy with it. */
    public int lowBotScores() {
        return (int) botScores.stream().filter(score -> score <= LOW).count();
    }

    public List<Integer> scores(ServedBy servedBy) {
        return servedBy == ServedBy.AGENT ? agentScores : botScores;
    }

    public int inWords(ServedBy servedBy) {
        return servedBy == ServedBy.AGENT ? agentInWords : botInWords;
    }

    private static List<Integer> joined(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
