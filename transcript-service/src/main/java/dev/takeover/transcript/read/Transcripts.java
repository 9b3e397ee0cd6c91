package dev.takeover.transcript.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.handover.ControlState;
import dev.takeover.transcript.EntryKind;
import dev.takeover.transcript.EntrySender;

/** Reads the log: conversations, their entries in order, and a customer's conversations. */
@ApplicationScoped
public class Transcripts {

    private static final String CONVERSATION = """
            select conversation_id, customer_id, customer_name, channel, language, started_at, last_activity_at,
                   entry_count, control_state, erased_at
            from conversation where conversation_id = ?
            """;

    private static final String CONVERSATIONS_OF_CUSTOMER = """
            select conversation_id, customer_id, customer_name, channel, language, started_at, last_activity_at,
                   entry_count, control_state, erased_at
            from conversation where customer_id = ?
            order by started_at desc
            limit ?
            """;

    private static final String AGENTS = """
            select conversation_id, agent_id, agent_name, handled, nullif(offer_expires_at, '-infinity')
            from conversation_agent where conversation_id = any(?::text[])
            order by first_seen_at, agent_id
            """;

    private static final String ENTRY_COLUMNS = """
            select id, entry_key, event_type, kind, order_at, stage, occurred_at, sender_type, sender_id, sender_name,
                   erased, case when kind in ('MESSAGE', 'NOTE') then payload ->> 'text' end, payload::text
            from transcript_entry
            """;

    private static final String FIRST_PAGE = ENTRY_COLUMNS + """
            where conversation_id = ? and kind = any(?::text[])
            order by order_at, stage, id
            limit ?
            """;

    private static final String NEXT_PAGE = ENTRY_COLUMNS + """
            where conversation_id = ? and kind = any(?::text[]) and (order_at, stage, id) > (?, ?, ?)
            order by order_at, stage, id
            limit ?
            """;

    private static final String ANALYSES_OF_MESSAGES = """
            select distinct on (caused_by) caused_by, payload::text
            from transcript_entry
            where conversation_id = ? and caused_by = any(?::text[]) and event_type = ? and not erased
            order by caused_by, id desc
            """;

    private static final String ENTRIES_OF_TYPES =
            ENTRY_COLUMNS.replace("select id,", "select conversation_id, id,") + """
            where conversation_id = any(?::text[]) and event_type = any(?::text[]) and not erased
            order by conversation_id, order_at, stage, id
            """;

    private final DataSource dataSource;

    Transcripts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<ConversationRecord> conversation(String conversationId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(CONVERSATION)) {
            select.setString(1, conversationId);
            List<ConversationRecord> found = conversations(connection, select);
            return found.stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read conversation", e);
        }
    }

    /** The customer's conversations, newest first. */
    public List<ConversationRecord> conversationsOf(String customerId, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(CONVERSATIONS_OF_CUSTOMER)) {
            select.setString(1, customerId);
            select.setInt(2, limit);
            return conversations(connection, select);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a customer's conversations", e);
        }
    }

    /** Up to {@code limit} entries of the given kinds after the cursor (from the start without one). */
    public List<StoredEntry> page(String conversationId, Set<EntryKind> kinds, Cursor after, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(after == null ? FIRST_PAGE : NEXT_PAGE)) {
            int parameter = 1;
            select.setString(parameter++, conversationId);
            select.setArray(
                    parameter++,
                    connection.createArrayOf(
                            "text", kinds.stream().map(Enum::name).toArray()));
            if (after != null) {
                select.setObject(parameter++, after.orderAt().atOffset(ZoneOffset.UTC));
                select.setInt(parameter++, after.stage());
                select.setLong(parameter++, after.id());
            }
            select.setInt(parameter, limit);
            List<StoredEntry> entries = new ArrayList<>(Math.min(limit, 1024));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows, 0));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a transcript", e);
        }
    }

    /** Every entry of the given kinds, in order. */
    public List<StoredEntry> entries(String conversationId, Set<EntryKind> kinds) {
        return page(conversationId, kinds, null, Integer.MAX_VALUE);
    }

    /** The entries of these types in each of these conversations, in order. */
    public Map<String, List<StoredEntry>> entriesOfTypes(List<String> conversationIds, List<String> types) {
        Map<String, List<StoredEntry>> entries = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return entries;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(ENTRIES_OF_TYPES)) {
            select.setArray(1, connection.createArrayOf("text", conversationIds.toArray()));
            select.setArray(2, connection.createArrayOf("text", types.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                            .add(entry(rows, 1));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read entries", e);
        }
    }

    /** The latest analysis of each of these customer messages (by entry key), as JSON. */
    public Map<String, String> analysesOf(String conversationId, List<String> messageKeys) {
        Map<String, String> analyses = new HashMap<>();
        if (messageKeys.isEmpty()) {
            return analyses;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(ANALYSES_OF_MESSAGES)) {
            select.setString(1, conversationId);
            select.setArray(2, connection.createArrayOf("text", messageKeys.toArray()));
            select.setString(3, MessageAnalyzed.TYPE.name());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    analyses.put(rows.getString(1), rows.getString(2));
                }
            }
            return analyses;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read analyses", e);
        }
    }

    private static List<ConversationRecord> conversations(Connection connection, PreparedStatement select)
            throws SQLException {
        List<ConversationRecord> withoutAgents = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String controlState = rows.getString(9);
                withoutAgents.add(new ConversationRecord(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        instant(rows, 6),
                        instant(rows, 7),
                        rows.getInt(8),
                        controlState == null ? null : ControlState.valueOf(controlState),
                        instant(rows, 10),
                        List.of()));
            }
        }
        Map<String, List<ConversationRecord.Agent>> agents = agents(
                connection,
                withoutAgents.stream().map(ConversationRecord::conversationId).toList());
        return withoutAgents.stream()
                .map(conversation ->
                        conversation.withAgents(agents.getOrDefault(conversation.conversationId(), List.of())))
                .toList();
    }

    private static Map<String, List<ConversationRecord.Agent>> agents(Connection connection, List<String> ids)
            throws SQLException {
        Map<String, List<ConversationRecord.Agent>> agents = new HashMap<>();
        if (ids.isEmpty()) {
            return agents;
        }
        try (PreparedStatement select = connection.prepareStatement(AGENTS)) {
            select.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    agents.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                            .add(new ConversationRecord.Agent(
                                    rows.getString(2), rows.getString(3), rows.getBoolean(4), instant(rows, 5)));
                }
            }
        }
        return agents;
    }

    /** An entry from the columns of {@link #ENTRY_COLUMNS}, which start after {@code skipped} other columns. */
    private static StoredEntry entry(ResultSet rows, int skipped) throws SQLException {
        int c = skipped;
        long id = rows.getLong(c + 1);
        return new StoredEntry(
                id,
                rows.getString(c + 2),
                rows.getString(c + 3),
                EntryKind.valueOf(rows.getString(c + 4)),
                new Cursor(instant(rows, c + 5), rows.getInt(c + 6), id),
                instant(rows, c + 7),
                new EntrySender(
                        EntrySender.Type.valueOf(rows.getString(c + 8)), rows.getString(c + 9), rows.getString(c + 10)),
                rows.getBoolean(c + 11),
                rows.getString(c + 12),
                rows.getString(c + 13));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
