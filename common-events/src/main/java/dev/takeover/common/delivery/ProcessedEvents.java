package dev.takeover.common.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The consumer side of at-least-once delivery: an event's idempotency key is recorded in the same transaction as the
 * change it causes, so a redelivered event is recognised and changes nothing. Consumers record a whole batch's keys
 * at once (see {@code dev.takeover.common.consuming}).
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String RECORD =
            "insert into processed_event (idempotency_key) values (?) on conflict do nothing";

    // In key order, so concurrent batches with common keys (a redelivery racing the first delivery) never deadlock.
    private static final String RECORD_ALL = """
            insert into processed_event (idempotency_key)
            select key from unnest(?::text[]) as key order by key
            on conflict do nothing
            returning idempotency_key
            """;

    private final DataSource dataSource;

    ProcessedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The keys seen for the first time, among distinct ones; one statement however many there are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(Collection<String> idempotencyKeys) {
        if (idempotencyKeys.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD_ALL)) {
            insert.setArray(1, connection.createArrayOf("text", idempotencyKeys.toArray()));
            Set<String> first = new HashSet<>();
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getString(1));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed events", e);
        }
    }

    /**
     * For a request retried outside Kafka, such as an agent's reply resent with the same message id: true the first
     * time its key is seen, false for a retry, which the caller must then ignore.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstRequest(String idempotencyKey) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, idempotencyKey);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed event", e);
        }
    }
}
