package dev.takeover.webchat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.webchat.LogEntry;
import dev.takeover.webchat.LogEntry.Author;

/**
 * Every message of each web conversation, numbered in the order it was logged. Appending locks the conversation's row,
 * so numbers are handed out, and become visible, strictly in order: a reader that sees entry n has seen every entry
 * before it. Each append notifies every adapter instance (PostgreSQL NOTIFY, sent when the transaction commits), so
 * whichever instance holds the customer's sockets delivers it.
 */
@ApplicationScoped
public class DeliveryLog {

    public static final String CHANNEL = "web_chat_log";

    private static final String LOCK = "select last_seq from web_conversation where conversation_id = ? for update";
    private static final String EXISTING =
            "select seq from delivery_log where conversation_id = ? and direction = ? and message_id = ?";
    private static final String INSERT = """
            insert into delivery_log (conversation_id, seq, direction, message_id, author, sender_id, sender_name,
                                      body, purpose, sent_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String ADVANCE = "update web_conversation set last_seq = ? where conversation_id = ?";
    private static final String NOTIFY = "select pg_notify('" + CHANNEL + "', ?)";
    private static final String AFTER = """
            select seq, message_id, author, sender_id, sender_name, body, purpose, sent_at
            from delivery_log where conversation_id = ? and seq > ? order by seq limit ?
            """;

    /** The entry's number, and whether this append logged it or found it logged already. */
    public record Appended(long seq, boolean first) {}

    private final DataSource dataSource;

    DeliveryLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Empty when the conversation is not one of ours (another adapter's, or one nobody opened here). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Appended> append(String conversationId, LogEntry entry) {
        String direction = entry.fromCustomer() ? "IN" : "OUT";
        try (Connection connection = dataSource.getConnection()) {
            long last;
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setString(1, conversationId);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    last = row.getLong(1);
                }
            }
            try (PreparedStatement existing = connection.prepareStatement(EXISTING)) {
                existing.setString(1, conversationId);
                existing.setString(2, direction);
                existing.setString(3, entry.messageId());
                try (ResultSet row = existing.executeQuery()) {
                    if (row.next()) {
                        return Optional.of(new Appended(row.getLong(1), false));
                    }
                }
            }
            long seq = last + 1;
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, conversationId);
                insert.setLong(2, seq);
                insert.setString(3, direction);
                insert.setString(4, entry.messageId());
                insert.setString(5, entry.author().name());
                insert.setString(6, entry.senderId());
                insert.setString(7, entry.senderName());
                insert.setString(8, entry.text());
                insert.setString(9, entry.purpose());
                insert.setTimestamp(10, Timestamp.from(entry.sentAt()));
                insert.executeUpdate();
            }
            try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
                advance.setLong(1, seq);
                advance.setString(2, conversationId);
                advance.executeUpdate();
            }
            try (PreparedStatement notify = connection.prepareStatement(NOTIFY)) {
                notify.setString(1, conversationId);
                notify.execute();
            }
            return Optional.of(new Appended(seq, true));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the delivery log", e);
        }
    }

    /** At most {@code limit} entries after {@code seq}, in order. */
    public List<LogEntry> after(String conversationId, long seq, int limit) {
        List<LogEntry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(AFTER)) {
            select.setString(1, conversationId);
            select.setLong(2, seq);
            select.setInt(3, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new LogEntry(
                            row.getLong(1),
                            row.getString(2),
                            Author.valueOf(row.getString(3)),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            row.getString(7),
                            row.getTimestamp(8).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the delivery log", e);
        }
        return entries;
    }
}
