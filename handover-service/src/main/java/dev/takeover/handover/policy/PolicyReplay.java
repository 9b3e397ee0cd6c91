package dev.takeover.handover.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.handover.Conversation;
import dev.takeover.handover.CustomerHistory;
import dev.takeover.handover.Handover;
import dev.takeover.handover.StoredConversations;

/**
 * The what-if: replays stored conversations message by message through the current policy and a candidate, and
 * reports where they would have escalated differently, before anyone changes a threshold in production.
 */
@ApplicationScoped
public class PolicyReplay {

    private final CustomerHistory history;

    PolicyReplay(CustomerHistory history) {
        this.history = history;
    }

    /** Where a policy would first have escalated a conversation: at which message, why, how urgently. */
    public record Outcome(String messageId, int messageNumber, List<String> reasons, Priority priority) {}

    /** A conversation the two policies decide differently; {@code actual} is what really happened. */
    public record Difference(String conversationId, Outcome current, Outcome candidate, String actual) {}

    public record Summary(int escalated, Map<String, Integer> byReason) {}

    public record Report(
            int conversations, Summary current, Summary candidate, int changed, List<Difference> differences) {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Report replay(
            EscalationPolicy current, EscalationPolicy candidate, Instant since, Instant until, int limit) {
        List<Conversation> conversations =
                Conversation.list("createdAt >= ?1 and createdAt < ?2 order by createdAt desc", since, until);
        conversations = conversations.subList(0, Math.min(limit, conversations.size()));
        Tally currentTally = new Tally();
        Tally candidateTally = new Tally();
        List<Difference> differences = new ArrayList<>();
        for (Conversation conversation : conversations) {
            PolicyInput view = StoredConversations.view(conversation, history.earlierContacts(conversation, until));
            if (view.turns().isEmpty()) {
                continue;
            }
            Outcome byCurrent = firstEscalation(current, view);
            Outcome byCandidate = firstEscalation(candidate, view);
            currentTally.add(byCurrent);
            candidateTally.add(byCandidate);
            if (!same(byCurrent, byCandidate)) {
                String actual = Handover.<Handover>find(
                                "conversationId = ?1 order by requestedAt", conversation.conversationId)
                        .firstResultOptional()
                        .map(handover -> handover.reasonCodes + " (" + handover.state + ")")
                        .orElse("not escalated");
                differences.add(new Difference(conversation.conversationId, byCurrent, byCandidate, actual));
            }
        }
        return new Report(
                currentTally.conversations,
                currentTally.summary(),
                candidateTally.summary(),
                differences.size(),
                differences);
    }

    static Outcome firstEscalation(EscalationPolicy policy, PolicyInput view) {
        for (int count = 1; count <= view.turns().size(); count++) {
            Decision decision = policy.decide(view.upTo(count));
            if (decision.escalate()) {
                return new Outcome(
                        view.turns().get(count - 1).messageId(),
                        count,
                        decision.reasons().stream().map(Reason::code).distinct().toList(),
                        decision.priority());
            }
        }
        return null;
    }

    private static boolean same(Outcome a, Outcome b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.messageNumber() == b.messageNumber()
                && a.reasons().equals(b.reasons())
                && a.priority() == b.priority();
    }

    private static final class Tally {
        private int conversations;
        private int escalated;
        private final Map<String, Integer> byReason = new TreeMap<>();

        void add(Outcome outcome) {
            conversations++;
            if (outcome != null) {
                escalated++;
                outcome.reasons().forEach(reason -> byReason.merge(reason, 1, Integer::sum));
            }
        }

        Summary summary() {
            return new Summary(escalated, Map.copyOf(byReason));
        }
    }
}
