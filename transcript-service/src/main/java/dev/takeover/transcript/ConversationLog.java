package dev.takeover.transcript;

import java.util.List;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;

import dev.takeover.common.consuming.BatchHandler;
import dev.takeover.common.consuming.EventBatch;
import dev.takeover.events.EventType;
import dev.takeover.events.Topic;

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

    ConversationLog(TranscriptWriter writer) {
        this.writer = writer;
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
        List<LogEntry> entries = batch.records().stream().map(LogEntry::of).toList();
        writer.store(entries);
    }
}
