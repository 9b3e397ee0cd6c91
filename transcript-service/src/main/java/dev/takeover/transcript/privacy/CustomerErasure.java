package dev.takeover.transcript.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.takeover.common.delivery.Outbox;
import dev.takeover.events.transcript.CustomerDataErased;
import dev.takeover.transcript.ingest.LogEntry;

/**
 * Erases a customer (GDPR Art. 17). Their conversations keep their shape (which events happened, when, which agents
 * took part) but lose everything the customer said or is: texts, names, analyses, collected data, notes about them.
 * In the same transaction one {@code transcript.customer-data-erased.v1} per conversation tells the other services to
 * do the same with what they store, and the erasure is recorded so that the customer's data still in flight is
 * stored anonymised when it arrives.
 */
@ApplicationScoped
public class CustomerErasure {

    private static final Logger LOG = Logger.getLogger(CustomerErasure.class);

    // The same row lock the ingest takes first, so no entry of these conversations is being written unerased.
    private static final String LOCK_CONVERSATIONS = """
            select conversation_id from conversation where customer_id = ?
            order by conversation_id
            for no key update
            """;

    private static final String ANONYMISE_ENTRIES = """
            update transcript_entry set
                payload     = ?::jsonb,
                erased      = true,
                sender_id   = case when sender_type = 'CUSTOMER' then null else sender_id end,
                sender_name = case when sender_type = 'CUSTOMER' then null else sender_name end
            where conversation_id = any(?::text[]) and not erased
            """;

    private static final String ANONYMISE_CONVERSATIONS = """
            update conversation set customer_id = null, customer_name = null, erased_at = ?, erasure_id = ?
            where conversation_id = any(?::text[])
            """;

    // The analytics keep the customer only as a hash, to recognise repeat contacts; an erased customer has none.
    private static final String FORGET_IN_ANALYTICS = """
            update analytics_conversation set customer_hash = null where customer_hash = ?
            """;

    private static final String RECORD_ERASURE = """
            insert into customer_erasure (erasure_id, customer_hash, erased_at, conversations, requested_by)
            values (?, ?, ?, ?, ?)
            """;

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Clock clock;

    CustomerErasure(DataSource dataSource, Outbox outbox, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Receipt(String customerId, UUID erasureId, Instant erasedAt, List<String> conversations) {}

    @Transactional
    public Receipt erase(String customerId, String requestedBy) {
        UUID erasureId = UUID.randomUUID();
        // Microseconds, as PostgreSQL keeps them, so that late data compares against exactly what was stored.
        Instant erasedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> conversations = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_CONVERSATIONS)) {
                lock.setString(1, customerId);
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        conversations.add(rows.getString(1));
                    }
                }
            }
            if (!conversations.isEmpty()) {
                try (PreparedStatement anonymise = connection.prepareStatement(ANONYMISE_ENTRIES)) {
                    anonymise.setString(1, LogEntry.ERASED_PAYLOAD);
                    anonymise.setArray(2, connection.createArrayOf("text", conversations.toArray()));
                    anonymise.executeUpdate();
                }
                try (PreparedStatement anonymise = connection.prepareStatement(ANONYMISE_CONVERSATIONS)) {
                    anonymise.setObject(1, erasedAt.atOffset(ZoneOffset.UTC));
                    anonymise.setObject(2, erasureId);
                    anonymise.setArray(3, connection.createArrayOf("text", conversations.toArray()));
                    anonymise.executeUpdate();
                }
            }
            try (PreparedStatement forget = connection.prepareStatement(FORGET_IN_ANALYTICS)) {
                forget.setString(1, CustomerHash.of(customerId));
                forget.executeUpdate();
            }
            try (PreparedStatement record = connection.prepareStatement(RECORD_ERASURE)) {
                record.setObject(1, erasureId);
                record.setString(2, CustomerHash.of(customerId));
                record.setObject(3, erasedAt.atOffset(ZoneOffset.UTC));
                record.setInt(4, conversations.size());
                record.setString(5, requestedBy);
                record.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase a customer's data (SQLState " + e.getSQLState() + ")");
        }
        for (String conversationId : conversations) {
            outbox.publish(
                    CustomerDataErased.TYPE,
                    new CustomerDataErased(conversationId, customerId, erasureId.toString(), erasedAt));
        }
        LOG.infof("erasure %s by %s anonymised %d conversations", erasureId, requestedBy, conversations.size());
        return new Receipt(customerId, erasureId, erasedAt, List.copyOf(conversations));
    }
}
