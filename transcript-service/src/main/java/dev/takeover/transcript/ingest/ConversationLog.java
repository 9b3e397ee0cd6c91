package dev.takeover.transcript.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;

import dev.takeover.common.consuming.BatchHandler;
import dev.takeover.common.consuming.DecodedRecord;
import dev.takeover.common.consuming.EventBatch;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;
import dev.takeover.events.Topic;
import dev.takeover.transcript.analytics.AnalyticsChange;
import dev.takeover.transcript.analytics.AnalyticsRecorder;

/**
 * Appends consumed batches to the log, a whole batch at a time ({@link TranscriptWriter}). The shared consumer decodes
 * each record once, parks what is malformed and retries while the database is unavailable; if a batch cannot be
 * stored, it finds the entry the database refuses and parks only that one. The log is its own idempotency record.
 */
@ApplicationScoped
public class ConversationLog implements BatchHandler {

    /** Everything published about conversations; erasures are the log's own. */
    private static final Set<Topic> LOGGED = Set.of(
            Topic.CONVERSATION_INBOUND,
            Topic.CONVERSATION_OUTBOUND,
            Topic.BOT_ANALYSIS,
            Topic.HANDOVER_EVENTS,
            Topic.AGENT_EVENTS);

    private final TranscriptWriter writer;
    private final AnalyticsRecorder analytics;

    ConversationLog(TranscriptWriter writer, AnalyticsRecorder analytics) {
        this.writer = writer;
        this.analytics = analytics;
    }

    @Override
    public boolean handles(EventType<?> type) {
        return LOGGED.contains(type.topic());
    }

    /** The writer locks the batch's conversation rows in id order first, and skips entries already stored by key. */
    @Override
    public boolean guardsItself() {
        return true;
    }

    @Override
    public void handle(EventBatch batch) {
        Map<String, ConversationEvent> events = new HashMap<>();
        List<LogEntry> entries = new ArrayList<>(batch.records().size());
        for (DecodedRecord decoded : batch.records()) {
            LogEntry entry = LogEntry.of(decoded);
            entries.add(entry);
            events.putIfAbsent(identity(entry), decoded.event().payload());
        }
        // Only what the log had not stored before counts, so the read model changes once per entry.
        List<AnalyticsChange> changes = writer.store(entries).stream()
                .map(entry -> AnalyticsChange.of(entry, events.get(identity(entry))))
                .toList();
        analytics.record(changes);
    }

    private static String identity(LogEntry entry) {
        return entry.conversationId() + '\n' + entry.key();
    }
}
