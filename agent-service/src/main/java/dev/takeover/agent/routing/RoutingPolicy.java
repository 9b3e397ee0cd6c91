package dev.takeover.agent.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.takeover.agent.Requirements;

/**
 * Decides which waiting conversations go to which online agents, now. Serving order is the queue's (priority, then
 * waiting time); among the suitable agents with a free slot the least loaded wins, and on a tie the one idle longest.
 * The customer's previous agent is preferred while the sticky window lasts and they are online; an agent who declined
 * is not asked again in the same round, and a round ends when every suitable agent online has declined. Pure, so the
 * rules are unit-tested; {@link Routing} applies the plan inside the routing transaction.
 */
public final class RoutingPolicy {

    private static final Comparator<Candidate> LEAST_LOADED_THEN_IDLE_LONGEST = Comparator.comparingInt(
                    (Candidate candidate) -> candidate.active)
            .thenComparing(candidate -> candidate.idleSince, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(candidate -> candidate.agentId);

    private RoutingPolicy() {}

    /** An online agent as routing sees them; {@code active} counts offers and assignments, which both hold a slot. */
    public static final class Candidate {
        final String agentId;
        final Set<String> skills;
        final Set<String> languages;
        final Set<String> teams;
        final int capacity;
        int active;
        Instant idleSince;

        public Candidate(
                String agentId,
                Set<String> skills,
                Set<String> languages,
                Set<String> teams,
                int capacity,
                int active,
                Instant idleSince) {
            this.agentId = agentId;
            this.skills = Set.copyOf(skills);
            this.languages = Set.copyOf(languages);
            this.teams = Set.copyOf(teams);
            this.capacity = capacity;
            this.active = active;
            this.idleSince = idleSince;
        }

        public int capacity() {
            return capacity;
        }

        public int active() {
            return active;
        }

        boolean hasFreeSlot() {
            return active < capacity;
        }

        public boolean canServe(Requirements requirements) {
            return requirements.metBy(skills, languages, teams);
        }
    }

    /** A conversation in the queue, in serving order. */
    public record Waiting(
            String handoverId,
            Requirements requirements,
            Set<String> declinedBy,
            Instant notBefore,
            String stickyAgentId,
            Instant stickyUntil) {

        boolean heldBack(Instant now) {
            return notBefore != null && notBefore.isAfter(now);
        }

        boolean stickyAt(Instant now) {
            return stickyAgentId != null && stickyUntil != null && stickyUntil.isAfter(now);
        }
    }

    public record Offer(String handoverId, String agentId) {}

    /** The offers to make, and the conversations whose round is over because everyone suitable declined. */
    public record Plan(List<Offer> offers, List<String> exhaustedRounds) {
        public boolean isEmpty() {
            return offers.isEmpty() && exhaustedRounds.isEmpty();
        }
    }

    public static Plan plan(List<Waiting> servingOrder, List<Candidate> onlineAgents, Instant now) {
        List<Offer> offers = new ArrayList<>();
        List<String> exhausted = new ArrayList<>();
        Map<Requirements, List<Candidate>> suitableByRequirements = new HashMap<>();
        int freeSlots = onlineAgents.stream()
                .mapToInt(candidate -> Math.max(0, candidate.capacity - candidate.active))
                .sum();
        for (Waiting waiting : servingOrder) {
            if (freeSlots == 0) {
                break;
            }
            if (waiting.heldBack(now)) {
                continue;
            }
            List<Candidate> suitable = suitableByRequirements
                    .computeIfAbsent(
                            waiting.requirements(),
                            requirements -> onlineAgents.stream()
                                    .filter(candidate -> candidate.canServe(requirements))
                                    .toList())
                    .stream()
                    .filter(candidate -> !waiting.declinedBy().contains(candidate.agentId))
                    .toList();
            if (suitable.isEmpty()) {
                if (!waiting.declinedBy().isEmpty()
                        && onlineAgents.stream().anyMatch(candidate -> candidate.canServe(waiting.requirements()))) {
                    exhausted.add(waiting.handoverId());
                }
                continue;
            }
            Optional<Candidate> chosen = choose(waiting, suitable, now);
            if (chosen.isPresent()) {
                Candidate agent = chosen.get();
                agent.active++;
                agent.idleSince = now;
                freeSlots--;
                offers.add(new Offer(waiting.handoverId(), agent.agentId));
            }
        }
        return new Plan(List.copyOf(offers), List.copyOf(exhausted));
    }

    private static Optional<Candidate> choose(Waiting waiting, List<Candidate> suitable, Instant now) {
        if (waiting.stickyAt(now)) {
            Optional<Candidate> previous = suitable.stream()
                    .filter(candidate -> candidate.agentId.equals(waiting.stickyAgentId()))
                    .findFirst();
            if (previous.isPresent()) {
                // Online and suitable: they get it as soon as they have a slot, until the window closes.
                return previous.filter(Candidate::hasFreeSlot);
            }
        }
        return suitable.stream().filter(Candidate::hasFreeSlot).min(LEAST_LOADED_THEN_IDLE_LONGEST);
    }
}
