package dev.takeover.agent.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One routing decision at a time across every instance: a PostgreSQL advisory lock held until the transaction ends.
 * Every change to who holds a conversation, to an agent's load or to their presence takes it first, before any row
 * lock, so instances never overbook an agent, never hand one conversation to two agents, and never deadlock.
 */
@ApplicationScoped
public class RoutingLock {

    private static final String LOCK = "select 1 from (select pg_advisory_xact_lock(hashtext(:key))) as locked";
    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(hashtext(:key))";

    static final String ROUTING = "agent-service.routing";
    public static final String QUEUE_UPDATES = "agent-service.queue-updates";

    private final EntityManager entityManager;

    RoutingLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        entityManager.createNativeQuery(LOCK).setParameter("key", ROUTING).getSingleResult();
    }

    /** For periodic work that another instance may already be doing: false means skip this time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryAcquire(String key) {
        return Boolean.TRUE.equals(entityManager
                .createNativeQuery(TRY_LOCK)
                .setParameter("key", key)
                .getSingleResult());
    }
}
