package dev.takeover.agent.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import dev.takeover.common.consuming.BatchHandler;
import dev.takeover.common.consuming.EventBatch;
import dev.takeover.events.EventType;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.bot.MessageAnalyzed;

/**
 * The customer's mood from the bot's analyses, a batch in one statement: each conversation's newest analysis of the
 * batch is upserted, and an analysis older than the one stored changes nothing. That makes a redelivered analysis, or
 * one arriving late, harmless by itself, so the shared conversation locks and processed-event log are not needed.
 */
@ApplicationScoped
public class MoodRecorder implements BatchHandler {

    // Rows in conversation id order, so two instances upserting overlapping batches lock them in the same order.
    private static final String UPSERT = """
            insert into conversation_mood (conversation_id, sentiment_label, sentiment_score, frustration, analysed_at)
            select id, label, score, frustration, analysed_at::timestamptz
            from unnest(?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[])
                as batch(id, label, score, frustration, analysed_at)
            order by id
            on conflict (conversation_id) do update set
                sentiment_label = excluded.sentiment_label,
                sentiment_score = excluded.sentiment_score,
                frustration     = excluded.frustration,
                analysed_at     = excluded.analysed_at
            where conversation_mood.analysed_at <= excluded.analysed_at
            """;

    private final DataSource dataSource;

    MoodRecorder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean handles(EventType<?> type) {
        return MessageAnalyzed.TYPE.equals(type);
    }

    @Override
    public boolean guardsItself() {
        return true;
    }

    @Override
    public void handle(EventBatch batch) {
        Map<String, ReceivedEvent<MessageAnalyzed>> newest = new TreeMap<>();
        for (ReceivedEvent<MessageAnalyzed> analysis : batch.of(MessageAnalyzed.TYPE)) {
            newest.merge(
                    analysis.payload().conversationId(),
                    analysis,
                    (kept, later) -> kept.occurredAt().isAfter(later.occurredAt()) ? kept : later);
        }
        if (newest.isEmpty()) {
            return;
        }
        int size = newest.size();
        String[] ids = new String[size];
        String[] labels = new String[size];
        Double[] scores = new Double[size];
        Double[] frustrations = new Double[size];
        String[] analysedAt = new String[size];
        int i = 0;
        for (ReceivedEvent<MessageAnalyzed> analysis : newest.values()) {
            MessageAnalyzed payload = analysis.payload();
            ids[i] = payload.conversationId();
            labels[i] = payload.sentiment().label().name();
            scores[i] = payload.sentiment().score();
            frustrations[i] = payload.frustration();
            analysedAt[i] = analysis.occurredAt().toString();
            i++;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setArray(1, connection.createArrayOf("text", ids));
            upsert.setArray(2, connection.createArrayOf("text", labels));
            upsert.setArray(3, connection.createArrayOf("float8", scores));
            upsert.setArray(4, connection.createArrayOf("float8", frustrations));
            upsert.setArray(5, connection.createArrayOf("text", analysedAt));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the customers' mood could not be stored", e);
        }
    }
}
