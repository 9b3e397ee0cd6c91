package dev.takeover.bot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.common.delivery.ProcessedEventsRetention;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/** The idempotency memory every service keeps is bounded: old keys go, recent ones stay. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ProcessedEventsRetentionTest {

    @Inject
    ProcessedEventsRetention retention;

    @Inject
    EntityManager entityManager;

    @Test
    void forgetsKeysOlderThanTheRetentionAndKeepsRecentOnes() throws Exception {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        Instant now = Instant.now();
        insert(old, now.minus(20, ChronoUnit.DAYS));
        insert(recent, now.minus(1, ChronoUnit.DAYS));

        int purged = retention.purgeOlderThan(now.minus(14, ChronoUnit.DAYS));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
    }

    private void insert(String key, Instant processedAt) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "insert into processed_event (idempotency_key, processed_at) values (?1, ?2)")
                        .setParameter(1, key)
                        .setParameter(2, processedAt)
                        .executeUpdate());
    }

    private boolean exists(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                        .createNativeQuery(
                                                "select count(*) from processed_event where idempotency_key = ?1")
                                        .setParameter(1, key)
                                        .getSingleResult())
                                .intValue()
                        == 1);
    }
}
