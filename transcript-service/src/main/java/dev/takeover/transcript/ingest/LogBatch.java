package dev.takeover.transcript.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The entries of one consumed batch, and what storing them changes besides the log. Conversations and agents come out
 * sorted by id, so concurrent batches lock their rows in the same order and cannot deadlock.
 */
public final class LogBatch {

    private final List<LogEntry> entries;

    public LogBatch(List<LogEntry> entries) {
        Map<String, LogEntry> firstOfEachKey = new LinkedHashMap<>();
        for (LogEntry entry : entries) {
            firstOfEachKey.putIfAbsent(entry.conversationId() + '\n' + entry.key(), entry);
        }
        this.entries = List.copyOf(firstOfEachKey.values());
    }

    /** Each entry once, in the order consumed. */
    public List<LogEntry> entries() {
        return entries;
    }

    public static SortedMap<String, ConversationChange> conversationChanges(List<LogEntry> stored) {
        SortedMap<String, ConversationChange> changes = new TreeMap<>();
        for (LogEntry entry : stored) {
            changes.merge(entry.conversationId(), ConversationChange.of(entry), (earlier, only) -> earlier.plus(entry));
        }
        return changes;
    }

    /** Each agent of each conversation once, with everything the batch says about them, in the order it said it. */
    public static List<AgentChange> agentChanges(List<LogEntry> stored) {
        SortedMap<String, AgentChange> changes = new TreeMap<>();
        for (LogEntry entry : stored) {
            for (AgentInvolvement involvement : entry.agents()) {
                changes.merge(
                        entry.conversationId() + '\n' + involvement.agentId(),
                        new AgentChange(entry.conversationId(), involvement, entry.occurredAt()),
                        AgentChange::then);
            }
        }
        return new ArrayList<>(changes.values());
    }

    public record AgentChange(String conversationId, AgentInvolvement involvement, Instant firstSeenAt) {
        AgentChange then(AgentChange later) {
            return new AgentChange(
                    conversationId,
                    involvement.then(later.involvement),
                    later.firstSeenAt.isBefore(firstSeenAt) ? later.firstSeenAt : firstSeenAt);
        }
    }
}
