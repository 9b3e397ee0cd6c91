package dev.takeover.transcript.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.takeover.transcript.TranscriptConfig;

/**
 * Purges conversations that have been quiet for longer than the retention period, entries and all, in small
 * transactions. With several instances the purge runs on one at a time (an advisory lock); a conversation that is
 * being written to is skipped and picked up on the next run.
 */
@ApplicationScoped
public class RetentionJob {

    public static final String IDENTITY = "transcript-retention";

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private static final String ONE_PURGE_AT_A_TIME =
            "select pg_try_advisory_xact_lock(hashtext('takeover.transcript.retention'))";

    private static final String EXPIRED = """
            select conversation_id from conversation
            where last_activity_at < ?
            order by last_activity_at
            limit ?
            for update skip locked
            """;

    private static final String DELETE_ENTRIES = "delete from transcript_entry where conversation_id = any(?::text[])";

    // The conversation's agents go with it (on delete cascade).
    private static final String DELETE_CONVERSATIONS =
            "delete from conversation where conversation_id = any(?::text[])";

    private static final String DELETE_ERASURE_RECORDS = "delete from customer_erasure where erased_at < ?";

    private final DataSource dataSource;
    private final TranscriptConfig config;
    private final Clock clock;

    RetentionJob(DataSource dataSource, TranscriptConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            identity = IDENTITY,
            every = "${takeover.transcript.retention.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        purgeExpired();
    }

    /** Returns how many conversations were purged; none while another instance is purging. */
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(config.retention().period());
        int total = 0;
        while (true) {
            Purge purge = QuarkusTransaction.requiringNew().call(() -> purgeBatch(cutoff));
            total += purge.conversations();
            if (!purge.locked() || purge.conversations() < config.retention().batchSize()) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("purged %d conversations with no activity since %s", total, cutoff);
        }
        return total;
    }

    private record Purge(boolean locked, int conversations) {}

    private Purge purgeBatch(Instant cutoff) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement(ONE_PURGE_AT_A_TIME);
                    ResultSet locked = lock.executeQuery()) {
                if (!locked.next() || !locked.getBoolean(1)) {
                    return new Purge(false, 0);
                }
            }
            List<String> expired = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(EXPIRED)) {
                select.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                select.setInt(2, config.retention().batchSize());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        expired.add(rows.getString(1));
                    }
                }
            }
            if (!expired.isEmpty()) {
                for (String delete : List.of(DELETE_ENTRIES, DELETE_CONVERSATIONS)) {
                    try (PreparedStatement statement = connection.prepareStatement(delete)) {
                        statement.setArray(1, connection.createArrayOf("text", expired.toArray()));
                        statement.executeUpdate();
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(DELETE_ERASURE_RECORDS)) {
                statement.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                statement.executeUpdate();
            }
            return new Purge(true, expired.size());
        } catch (SQLException e) {
            throw new IllegalStateException("retention purge failed (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
