package dev.takeover.agent.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import jakarta.persistence.EntityManager;

import dev.takeover.agent.Requirements;
import dev.takeover.agent.Takeover;
import dev.takeover.agent.TakeoverState;
import dev.takeover.agent.queue.QueueEstimate.Entry;
import dev.takeover.agent.routing.RoutingConfig;
import dev.takeover.agent.routing.RoutingPolicy.Waiting;

/**
 * The waiting queue read as plain values in serving order: routing and the queue reports read all of it often, so
 * they skip loading a thousand managed entities just to look at them.
 */
public final class QueueSnapshot {

    private static final String WAITING = """
            select t.handoverId, t.requiredSkills, t.language, t.team, t.declinedBy, t.notBefore, t.stickyAgentId,
                   t.stickyUntil
            from Takeover t where t.state = :state
            order by t.priorityRank desc, t.requestedAt, t.handoverId
            """;
    private static final String AVERAGE_HANDLING_SECONDS = """
            select avg(extract(epoch from (closed_at - assigned_at))) from takeover
            where assigned_at is not null and closed_at >= :since and state in ('RESOLVED', 'HANDED_BACK')
            """;

    private QueueSnapshot() {}

    public static List<Waiting> waiting() {
        return entityManager()
                .createQuery(WAITING, Object[].class)
                .setParameter("state", TakeoverState.WAITING)
                .getResultList()
                .stream()
                .map(QueueSnapshot::toWaiting)
                .toList();
    }

    static List<Entry> entries(List<Waiting> waiting) {
        return waiting.stream()
                .map(entry -> new Entry(entry.handoverId(), entry.requirements()))
                .toList();
    }

    /** The recent average time agents spent on a conversation, or the default when there is no recent one. */
    static Duration averageHandlingTime(Instant now, RoutingConfig.Queue config) {
        Object average = entityManager()
                .createNativeQuery(AVERAGE_HANDLING_SECONDS)
                .setParameter("since", now.minus(config.handlingTimeWindow()))
                .getSingleResult();
        return average instanceof Number seconds
                ? Duration.ofMillis(Math.round(seconds.doubleValue() * 1000))
                : config.defaultHandlingTime();
    }

    @SuppressWarnings("unchecked")
    private static Waiting toWaiting(Object[] row) {
        return new Waiting(
                (String) row[0],
                Requirements.of((List<String>) row[1], (String) row[2], (String) row[3]),
                Set.copyOf((List<String>) row[4]),
                (Instant) row[5],
                (String) row[6],
                (Instant) row[7]);
    }

    private static EntityManager entityManager() {
        return Takeover.getEntityManager();
    }
}
