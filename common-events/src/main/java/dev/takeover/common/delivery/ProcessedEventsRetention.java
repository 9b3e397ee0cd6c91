package dev.takeover.common.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Forgets idempotency keys long after any redelivery could arrive, so the processed-event log stays small. Deletes in
 * batches, so a large backlog never holds long locks; several instances may purge at once without harm.
 */
@ApplicationScoped
public class ProcessedEventsRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventsRetention.class);
    private static final int BATCH = 10_000;
    private static final String PURGE_BATCH = """
            delete from processed_event where idempotency_key in (
                select idempotency_key from processed_event where processed_at < ? limit ?)
            """;

    @ConfigMapping(prefix = "takeover.processed-events")
    public interface Retention {
        /** Longer than the broker keeps records, so a key is never forgotten while its record can come back. */
        @WithDefault("P14D")
        Duration retention();

        @WithDefault("PT1H")
        Duration purgeInterval();
    }

    private final DataSource dataSource;
    private final Retention config;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    ProcessedEventsRetention(DataSource dataSource, Retention config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "processed-events-retention");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        scheduler.shutdownNow();
    }

    /** Returns how many keys were forgotten. */
    public int purgeOlderThan(Instant cutoff) throws SQLException {
        int purged = 0;
        int deleted;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement purge = connection.prepareStatement(PURGE_BATCH)) {
            do {
                purge.setTimestamp(1, Timestamp.from(cutoff));
                purge.setInt(2, BATCH);
                deleted = purge.executeUpdate();
                purged += deleted;
            } while (deleted == BATCH);
        }
        return purged;
    }

    private void purgeQuietly() {
        try {
            purgeOlderThan(clock.instant().minus(config.retention()));
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("could not purge the processed-event log, will retry: %s", e.getMessage());
        }
    }
}
