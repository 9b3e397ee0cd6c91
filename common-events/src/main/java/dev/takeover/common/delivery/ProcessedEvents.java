package dev.takeover.common.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The consumer side of at-least-once delivery: an event's idempotency key is recorded in the same transaction as the
 * change it causes, so a redelivered event is recognised and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String RECORD =
            "insert into processed_event (idempotency_key) values (?) on conflict do nothing";

    private final DataSource dataSource;

    ProcessedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True the first time a key is seen; false for a redelivery, which the caller must then ignore. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String idempotencyKey) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, idempotencyKey);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed event", e);
        }
    }
}
