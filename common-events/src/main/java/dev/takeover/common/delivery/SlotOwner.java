package dev.takeover.common.delivery;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Holds this instance's share of the outbox slots as PostgreSQL session advisory locks on one connection of its own,
 * and listens on it for commits in other instances that wrote into those slots.
 *
 * <p>The instance is a member while that connection lives (a lock of its own in {@link #MEMBERS}); every
 * rebalance interval it counts the members and takes or gives up slots toward its fair share ({@link SlotShare}). An
 * instance that dies, or loses its connection, loses its locks with it, and the others take its slots at their next
 * rebalance. A slot is given up only between two batches, so two instances never relay one slot at once.
 */
final class SlotOwner {

    private static final Logger LOG = Logger.getLogger(SlotOwner.class);
    /** Advisory lock classes (the first key of the two-key form): one lock per live relay, one per owned slot. */
    static final int MEMBERS = 0x6f757401;

    static final int SLOTS = 0x6f757402;
    private static final long NOTIFICATION_WAIT_MILLIS = 200;
    private static final String LOCKS = """
            select classid::bigint as class, objid::bigint as key from pg_locks
            where locktype = 'advisory' and granted and objsubid = 2
              and database = (select oid from pg_database where datname = current_database())
              and classid::bigint in (%d, %d)
            """.formatted(MEMBERS, SLOTS);
    private static final String TRY_LOCK = "select pg_try_advisory_lock(?, ?)";
    private static final String TRY_LOCK_SLOTS = "select s from unnest(?) as s where pg_try_advisory_lock(?, s)";
    private static final String UNLOCK = "select pg_advisory_unlock(?, ?)";

    private final DataSource dataSource;
    private final DeliveryConfig config;
    private final Lock batch;
    private final Runnable wakeUp;
    private final int startAt = ThreadLocalRandom.current().nextInt(OutboxSlots.COUNT);
    private volatile Set<Integer> owned = Set.of();
    private volatile boolean running;
    private Connection connection;
    private long nextRebalance;
    private Thread thread;

    /**
     * @param batch held by the relay while it sends a batch; taken here before a slot is given up
     * @param wakeUp starts the relay's next batch now
     */
    SlotOwner(DataSource dataSource, DeliveryConfig config, Lock batch, Runnable wakeUp) {
        this.dataSource = dataSource;
        this.config = config;
        this.batch = batch;
        this.wakeUp = wakeUp;
    }

    Set<Integer> owned() {
        return owned;
    }

    void start(String name) {
        running = true;
        thread = new Thread(this::ownUntilStopped, "outbox-slots-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Gives up every slot; the other instances take them at their next rebalance. */
    void stop() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void ownUntilStopped() {
        while (running) {
            try {
                if (connection == null) {
                    join();
                }
                if (System.nanoTime() - nextRebalance >= 0) {
                    rebalance();
                    nextRebalance =
                            System.nanoTime() + config.rebalanceInterval().toNanos();
                }
                awaitNotifications();
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf(
                            "outbox slots lost, joining again in %d ms: %s",
                            pauseMillis(), e.getClass().getName());
                    leave();
                    pause();
                }
            }
        }
        leave();
    }

    private void join() throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        try (Statement listen = connection.createStatement()) {
            listen.execute("listen " + Outbox.WAKE_UP_CHANNEL);
        }
        while (!tryLock(MEMBERS, ThreadLocalRandom.current().nextInt())) {
            // Another instance drew the same member key: draw again.
        }
        nextRebalance = System.nanoTime();
        // Notifications sent while this instance had no connection are lost; the first batch finds their events.
        wakeUp.run();
    }

    private void rebalance() throws SQLException {
        int members = 0;
        Set<Integer> held = new HashSet<>();
        try (Statement query = connection.createStatement();
                ResultSet locks = query.executeQuery(LOCKS)) {
            while (locks.next()) {
                if (locks.getLong("class") == MEMBERS) {
                    members++;
                } else {
                    held.add((int) locks.getLong("key"));
                }
            }
        }
        SlotShare plan = SlotShare.plan(OutboxSlots.COUNT, members, owned, held, startAt);
        if (!plan.release().isEmpty()) {
            release(plan.release());
        }
        if (!plan.acquire().isEmpty()) {
            acquire(plan.acquire());
        }
    }

    private void release(Set<Integer> slots) throws SQLException {
        Set<Integer> remaining = new TreeSet<>(owned);
        remaining.removeAll(slots);
        owned = Set.copyOf(remaining);
        batch.lock();
        try {
            for (int slot : slots) {
                try (PreparedStatement unlock = connection.prepareStatement(UNLOCK)) {
                    unlock.setInt(1, SLOTS);
                    unlock.setInt(2, slot);
                    unlock.execute();
                }
            }
        } finally {
            batch.unlock();
        }
        LOG.debugf("outbox slots %s given up, %d owned", slots, remaining.size());
    }

    private void acquire(java.util.List<Integer> candidates) throws SQLException {
        Set<Integer> acquired = new TreeSet<>();
        try (PreparedStatement lock = connection.prepareStatement(TRY_LOCK_SLOTS)) {
            Array slots = connection.createArrayOf("int4", candidates.toArray());
            lock.setArray(1, slots);
            lock.setInt(2, SLOTS);
            try (ResultSet locked = lock.executeQuery()) {
                while (locked.next()) {
                    acquired.add(locked.getInt(1));
                }
            }
        }
        if (!acquired.isEmpty()) {
            Set<Integer> now = new TreeSet<>(owned);
            now.addAll(acquired);
            owned = Set.copyOf(now);
            LOG.debugf("outbox slots %s taken, %d owned", acquired, now.size());
            wakeUp.run();
        }
    }

    private void awaitNotifications() throws SQLException {
        long untilRebalance = TimeUnit.NANOSECONDS.toMillis(nextRebalance - System.nanoTime());
        int wait = (int) Math.max(1, Math.min(NOTIFICATION_WAIT_MILLIS, untilRebalance));
        PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(wait);
        if (notifications == null) {
            return;
        }
        Set<Integer> mine = owned;
        for (PGNotification notification : notifications) {
            if (mine.contains(slotOf(notification))) {
                wakeUp.run();
                return;
            }
        }
    }

    private static int slotOf(PGNotification notification) {
        try {
            return Integer.parseInt(notification.getParameter());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private boolean tryLock(int lockClass, int key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(TRY_LOCK)) {
            lock.setInt(1, lockClass);
            lock.setInt(2, key);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Ends membership: no slot is relayed here any more, then the session's locks and subscription go. */
    private void leave() {
        owned = Set.of();
        if (connection == null) {
            return;
        }
        batch.lock();
        try (Statement cleanUp = connection.createStatement()) {
            // The connection goes back to the pool, so it must not keep this instance's locks or subscription.
            cleanUp.execute("select pg_advisory_unlock_all()");
            cleanUp.execute("unlisten *");
        } catch (SQLException e) {
            // A broken connection: its session, and with it every lock, is gone already.
        } finally {
            batch.unlock();
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf(
                    "closing the outbox slots connection failed: %s",
                    e.getClass().getName());
        }
        connection = null;
    }

    private long pauseMillis() {
        return config.retryPause().toMillis();
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(pauseMillis());
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }
}
