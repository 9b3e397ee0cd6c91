package dev.takeover.agent.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.opentelemetry.context.Scope;

import dev.takeover.agent.Agent;
import dev.takeover.agent.Takeover;
import dev.takeover.agent.queue.QueueEstimate.Entry;
import dev.takeover.agent.queue.QueueEstimate.Estimate;
import dev.takeover.agent.routing.RoutingConfig;
import dev.takeover.agent.routing.RoutingLock;
import dev.takeover.agent.routing.RoutingPolicy.Waiting;
import dev.takeover.common.delivery.Outbox;
import dev.takeover.events.agent.QueuePositionChanged;

/**
 * Tells handover-service where each waiting customer stands, without flooding it. With a thousand waiting, every
 * assignment moves everyone behind it; publishing each move would be hundreds of thousands of events an hour.
 * Instead, a new conversation gets its position at once, and a periodic job (one instance at a time) recomputes the
 * queue and publishes only what changed meaningfully, at most once per conversation per minimum interval.
 */
@ApplicationScoped
public class QueueUpdates {

    private static final String LAST_PUBLISHED =
            "select handover_id, position, expected_wait_seconds, matching_agents, published_at from queue_notice";
    private static final String REMEMBER = """
            insert into queue_notice (handover_id, position, expected_wait_seconds, matching_agents, published_at)
            select * from unnest(cast(:ids as text[]), cast(:positions as integer[]), cast(:waits as bigint[]),
                                 cast(:matching as integer[]), cast(:times as timestamptz[]))
            on conflict (handover_id) do update set position = excluded.position,
                expected_wait_seconds = excluded.expected_wait_seconds, matching_agents = excluded.matching_agents,
                published_at = excluded.published_at
            """;
    private static final String FORGET_SERVED = """
            delete from queue_notice n where not exists (
                select 1 from takeover t where t.handover_id = n.handover_id and t.state in ('WAITING', 'OFFERED'))
            """;
    private static final Duration SMALLEST_WAIT_CHANGE = Duration.ofSeconds(60);

    private final Outbox outbox;
    private final RoutingLock lock;
    private final RoutingConfig config;
    private final EntityManager entityManager;
    private final Clock clock;

    QueueUpdates(Outbox outbox, RoutingLock lock, RoutingConfig config, EntityManager entityManager, Clock clock) {
        this.outbox = outbox;
        this.lock = lock;
        this.config = config;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** In the transaction that queued them: each customer hears at once where they stand. */
    public void publishFirstPositions(List<Takeover> takeovers, Instant now) {
        if (takeovers.isEmpty()) {
            return;
        }
        Map<String, Estimate> estimates = estimates(now);
        List<Estimate> published = new ArrayList<>();
        for (Takeover takeover : takeovers) {
            Estimate estimate = estimates.get(takeover.handoverId);
            if (estimate != null) {
                try (Scope trace = takeover.inItsTrace()) {
                    outbox.publish(QueuePositionChanged.TYPE, event(estimate, takeover.conversationId, now));
                }
                published.add(estimate);
            }
        }
        remember(published, now);
    }

    /** Returns how many positions it published; 0 as well when another instance is doing it right now. */
    @Transactional
    public int publishChanges() {
        if (!lock.tryAcquire(RoutingLock.QUEUE_UPDATES)) {
            return 0;
        }
        Instant now = clock.instant();
        entityManager.createNativeQuery(FORGET_SERVED).executeUpdate();
        Map<String, Estimate> estimates = estimates(now);
        if (estimates.isEmpty()) {
            return 0;
        }
        Map<String, Notice> published = lastPublished();
        List<Estimate> changed = new ArrayList<>();
        for (Estimate estimate : estimates.values()) {
            Notice last = published.get(estimate.handoverId());
            if (last == null
                    || (last.differsFrom(estimate)
                            && last.olderThan(config.queue().minUpdateInterval(), now))) {
                changed.add(estimate);
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        Map<String, String> conversations = conversationsOf(changed);
        for (Estimate estimate : changed) {
            outbox.publish(QueuePositionChanged.TYPE, event(estimate, conversations.get(estimate.handoverId()), now));
        }
        remember(changed, now);
        return changed.size();
    }

    /** Every waiting conversation's position and expected wait, as the queue stands now. */
    Map<String, Estimate> estimates(Instant now) {
        List<Waiting> waiting = QueueSnapshot.waiting();
        if (waiting.isEmpty()) {
            return Map.of();
        }
        List<Entry> entries = QueueSnapshot.entries(waiting);
        return QueueEstimate.estimate(
                entries,
                Agent.online().stream().map(Agent::asCandidate).toList(),
                QueueSnapshot.averageHandlingTime(now, config.queue()));
    }

    private static QueuePositionChanged event(Estimate estimate, String conversationId, Instant now) {
        return new QueuePositionChanged(
                conversationId,
                estimate.handoverId(),
                estimate.position(),
                estimate.expectedWaitSeconds(),
                estimate.matchingAgentsOnline(),
                now);
    }

    private void remember(List<Estimate> estimates, Instant now) {
        if (estimates.isEmpty()) {
            return;
        }
        entityManager
                .createNativeQuery(REMEMBER)
                .setParameter(
                        "ids", estimates.stream().map(Estimate::handoverId).toArray(String[]::new))
                .setParameter(
                        "positions", estimates.stream().map(Estimate::position).toArray(Integer[]::new))
                .setParameter(
                        "waits",
                        estimates.stream().map(Estimate::expectedWaitSeconds).toArray(Long[]::new))
                .setParameter(
                        "matching",
                        estimates.stream().map(Estimate::matchingAgentsOnline).toArray(Integer[]::new))
                .setParameter("times", estimates.stream().map(estimate -> now).toArray(Instant[]::new))
                .executeUpdate();
    }

    private Map<String, Notice> lastPublished() {
        Map<String, Notice> notices = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(LAST_PUBLISHED).getResultList();
        for (Object[] row : rows) {
            notices.put(
                    (String) row[0],
                    new Notice(
                            ((Number) row[1]).intValue(),
                            ((Number) row[2]).longValue(),
                            ((Number) row[3]).intValue(),
                            toInstant(row[4])));
        }
        return notices;
    }

    private Map<String, String> conversationsOf(List<Estimate> estimates) {
        Map<String, String> conversations = new HashMap<>();
        // An array parameter, not an in-list: Hibernate translates a query with a list parameter again on every call.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select handover_id, conversation_id from takeover where handover_id = any(cast(:ids as text[]))")
                .setParameter(
                        "ids", estimates.stream().map(Estimate::handoverId).toArray(String[]::new))
                .getResultList();
        rows.forEach(row -> conversations.put((String) row[0], (String) row[1]));
        return conversations;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private record Notice(int position, long expectedWaitSeconds, int matchingAgents, Instant publishedAt) {

        boolean differsFrom(Estimate estimate) {
            long waitChange = Math.abs(estimate.expectedWaitSeconds() - expectedWaitSeconds);
            return estimate.position() != position
                    || (estimate.matchingAgentsOnline() == 0) != (matchingAgents == 0)
                    || waitChange >= Math.max(SMALLEST_WAIT_CHANGE.toSeconds(), expectedWaitSeconds / 4);
        }

        boolean olderThan(Duration interval, Instant now) {
            return !publishedAt.plus(interval).isAfter(now);
        }
    }
}
