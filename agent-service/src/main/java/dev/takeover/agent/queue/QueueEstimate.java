package dev.takeover.agent.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.takeover.agent.Requirements;
import dev.takeover.agent.routing.RoutingPolicy.Candidate;

/**
 * Where each waiting conversation stands and how long it will probably wait. A conversation's position counts only
 * the conversations ahead of it that compete for the same agents online (a French customer does not wait behind the
 * English queue); the wait assumes the matching agents' slots free up at the recent average handling time. Pure, so
 * the arithmetic is unit-tested.
 */
public final class QueueEstimate {

    private QueueEstimate() {}

    public record Entry(String handoverId, Requirements requirements) {}

    /** {@code matchingAgentsOnline} 0 means nobody online could take it, and the wait is then unknown (0). */
    public record Estimate(String handoverId, int position, long expectedWaitSeconds, int matchingAgentsOnline) {}

    public static Map<String, Estimate> estimate(
            List<Entry> servingOrder, List<Candidate> onlineAgents, Duration averageHandlingTime) {
        Map<Requirements, Pool> pools = new LinkedHashMap<>();
        for (Entry entry : servingOrder) {
            pools.computeIfAbsent(entry.requirements(), requirements -> new Pool(requirements, onlineAgents));
        }
        List<Pool> all = new ArrayList<>(pools.values());
        for (Pool pool : all) {
            for (Pool other : all) {
                if (pool == other || pool.sharesAgentsWith(other)) {
                    pool.competitors.add(other);
                }
            }
        }
        long handlingSeconds = Math.max(1, averageHandlingTime.toSeconds());
        Map<String, Estimate> estimates = new HashMap<>();
        for (Entry entry : servingOrder) {
            Pool pool = pools.get(entry.requirements());
            int ahead = 0;
            for (Pool competitor : pool.competitors) {
                ahead += competitor.waiting;
            }
            int position = ahead + 1;
            pool.waiting++;
            estimates.put(
                    entry.handoverId(),
                    new Estimate(
                            entry.handoverId(), position, pool.expectedWait(position, handlingSeconds), pool.size()));
        }
        return estimates;
    }

    private static final class Pool {
        final List<Candidate> agents;
        final List<Pool> competitors = new ArrayList<>();
        final int slots;
        final int freeSlots;
        int waiting;

        Pool(Requirements requirements, List<Candidate> onlineAgents) {
            agents = onlineAgents.stream()
                    .filter(candidate -> candidate.canServe(requirements))
                    .toList();
            slots = agents.stream().mapToInt(Candidate::capacity).sum();
            freeSlots = agents.stream()
                    .mapToInt(candidate -> Math.max(0, candidate.capacity() - candidate.active()))
                    .sum();
        }

        int size() {
            return agents.size();
        }

        boolean sharesAgentsWith(Pool other) {
            return agents.stream().anyMatch(other.agents::contains);
        }

        long expectedWait(int position, long handlingSeconds) {
            if (slots == 0 || position <= freeSlots) {
                return 0;
            }
            return (long) Math.ceil((double) (position - freeSlots) * handlingSeconds / slots);
        }
    }
}
