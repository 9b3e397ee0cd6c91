package dev.takeover.common.delivery;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox as operators watch it: events waiting to be sent, the age of the oldest one (a relay that is stuck or a
 * broker that is down shows as a growing age long before anyone notices missing events), events set aside for good,
 * and events sent by this instance.
 *
 * <p>The backlog is the whole service's, read from the table, because a slot's events may wait for another instance's
 * relay. Several scrapers, or one scraping often, share one query every few seconds.
 */
@Singleton
public class OutboxMetrics implements MeterBinder {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final String QUERY = """
            select (select count(*) from outbox_event),
                   (select min(occurred_at) from outbox_event),
                   (select count(*) from outbox_dead_letter)
            """;

    private final DataSource dataSource;
    // Looked up at scrape time: the registry binds its meters before the messaging channels the relay needs exist.
    private final Provider<OutboxRelay> relay;
    private final Clock clock;
    private Snapshot snapshot = new Snapshot(0, null, 0, Instant.MIN);

    OutboxMetrics(DataSource dataSource, Provider<OutboxRelay> relay, Clock clock) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "takeover.outbox.backlog",
                        this,
                        metrics -> metrics.current().backlog())
                .description("Events stored with their change and not yet sent to the broker")
                .register(registry);
        Gauge.builder("takeover.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("How long the oldest unsent event has waited")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(
                        "takeover.outbox.set.aside",
                        this,
                        metrics -> metrics.current().setAside())
                .description("Events the broker refused for good, waiting in outbox_dead_letter for an operator")
                .register(registry);
        FunctionCounter.builder(
                        "takeover.outbox.sent", relay, sender -> sender.get().sentCount())
                .description("Events this instance's relay sent")
                .register(registry);
    }

    private double oldestAgeSeconds() {
        Snapshot current = current();
        if (current.oldest() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(current.oldest(), clock.instant()).toMillis() / 1000.0);
    }

    private synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot.readAt().plus(FRESH_FOR).isAfter(now)) {
            return snapshot;
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(QUERY)) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            snapshot = new Snapshot(row.getLong(1), oldest == null ? null : oldest.toInstant(), row.getLong(3), now);
        } catch (SQLException e) {
            // The last reading stays: a scrape must not fail because the database is briefly away.
            LOG.warnf("cannot read the outbox for its metrics: %s", e.getMessage());
        }
        return snapshot;
    }

    private record Snapshot(long backlog, Instant oldest, long setAside, Instant readAt) {}
}
