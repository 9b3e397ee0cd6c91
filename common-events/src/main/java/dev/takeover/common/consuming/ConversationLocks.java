package dev.takeover.common.consuming;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Locks a batch's conversations for its transaction, all at once and always in the same order. Batches from
 * different channels and instances that share conversations then wait for each other instead of deadlocking, however
 * their records are ordered: each holds every conversation it will touch before it touches any. Transaction-scoped
 * PostgreSQL advisory locks, keyed by a hash of the conversation id; two conversations with the same hash only wait
 * for each other.
 */
@ApplicationScoped
public class ConversationLocks {

    /** The first key of the two-key form, so these locks never meet single-key advisory locks ("conv" in ASCII). */
    static final int NAMESPACE = 0x636F6E76;

    private static final String LOCK = "select pg_advisory_xact_lock(?, key) from unnest(?::integer[]) as key";

    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(?, ?)";

    private final DataSource dataSource;

    ConversationLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Collection<String> conversationIds) {
        Integer[] keys = keysOf(conversationIds);
        if (keys.length == 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setInt(1, NAMESPACE);
            lock.setArray(2, connection.createArrayOf("integer", keys));
            // unnest yields the array in its order, so the locks are taken in ascending key order.
            try (ResultSet locked = lock.executeQuery()) {
                while (locked.next()) {
                    // each row is one lock taken
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock the batch's conversations", e);
        }
    }

    /** Locks one conversation for the transaction only if nobody holds it; false means try again later. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(String conversationId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement(TRY_LOCK)) {
            lock.setInt(1, NAMESPACE);
            lock.setInt(2, keyOf(conversationId));
            try (ResultSet locked = lock.executeQuery()) {
                return locked.next() && locked.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock the conversation", e);
        }
    }

    /** Distinct and ascending: the one order every batch takes its locks in. */
    static Integer[] keysOf(Collection<String> conversationIds) {
        return conversationIds.stream()
                .map(ConversationLocks::keyOf)
                .distinct()
                .sorted()
                .toArray(Integer[]::new);
    }

    private static int keyOf(String conversationId) {
        return conversationId.hashCode();
    }
}
