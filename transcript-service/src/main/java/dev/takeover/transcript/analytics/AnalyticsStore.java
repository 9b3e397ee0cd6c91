package dev.takeover.transcript.analytics;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the analytics read model: the conversations that started in a range, never the log itself. */
@ApplicationScoped
public class AnalyticsStore {

    // A repeat contact is a later conversation of the same customer about the same intent inside the window, whenever
    // that conversation started (it may lie after the range).
    private static final String IN_RANGE = """
            select a.conversation_id, a.started_at, a.channel, a.language, a.intent, a.customer_messages,
                   a.clarifications, a.rejections, a.bot_failures, a.flags, a.handover_requested_at,
                   a.handover_reasons, a.first_offered_at, a.assigned_at, a.first_agent_reply_at, a.ended_at,
                   a.bot_scores, a.agent_scores, a.bot_in_words, a.agent_in_words,
                   exists (select 1 from analytics_conversation later
                           where a.customer_hash is not null and a.intent is not null
                             and later.customer_hash = a.customer_hash
                             and later.intent = a.intent
                             and later.started_at > a.started_at
                             and later.started_at <= a.started_at + ?::interval
                             and later.conversation_id <> a.conversation_id) as repeated
            from analytics_conversation a
            where a.started_at >= ? and a.started_at < ?
            order by a.started_at, a.conversation_id
            """;

    private final DataSource dataSource;

    AnalyticsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The conversations that started in {@code [from, to)}. */
    public List<ConversationFigures> startedBetween(Instant from, Instant to, Duration repeatContactWindow) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(IN_RANGE)) {
            select.setString(1, repeatContactWindow.toSeconds() + " seconds");
            select.setObject(2, from.atOffset(ZoneOffset.UTC));
            select.setObject(3, to.atOffset(ZoneOffset.UTC));
            List<ConversationFigures> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new ConversationFigures(
                            row.getString(1),
                            instant(row, 2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getInt(6),
                            row.getInt(7),
                            row.getInt(8),
                            row.getInt(9),
                            row.getInt(10),
                            instant(row, 11),
                            reasons(row.getArray(12)),
                            instant(row, 13),
                            instant(row, 14),
                            instant(row, 15),
                            instant(row, 16),
                            row.getBoolean(21),
                            new Ratings(
                                    scores(row.getArray(17)),
                                    scores(row.getArray(18)),
                                    row.getInt(19),
                                    row.getInt(20))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the analytics read model", e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static List<Integer> scores(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }

    private static List<String> reasons(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
