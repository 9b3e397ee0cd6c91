package dev.takeover.transcript;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.transcript.privacy.RetentionJob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RetentionTest extends LogTestSupport {

    private static final String LOCK = "hashtext('takeover.transcript.retention')";

    @Inject
    RetentionJob retention;

    @Inject
    Scheduler scheduler;

    private final String old = "conv-" + UUID.randomUUID();

    @Test
    void conversationsQuietForLongerThanTheRetentionPeriodArePurgedOnlyThey() throws Exception {
        // Retention is 30 days in tests.
        Instant fortyDaysAgo = Instant.now().minusSeconds(40 * 86_400);
        send(
                plain(new InboundMessage(
                        "o1", old, "web", "An old question", customer, "Ana Example", "en", fortyDaysAgo, Map.of())),
                record(
                        ConversationAssigned.TYPE,
                        new ConversationAssigned(old, "h-old", "alice", "Alice", fortyDaysAgo.plusSeconds(60)),
                        fortyDaysAgo.plusSeconds(60)),
                plain(customerSays("m1", "A recent question", start)));
        await().atMost(PATIENCE).until(() -> entries(old) == 2 && entries(conversation) == 1);

        // Another instance is purging: this one leaves it alone.
        try (Connection otherInstance = dataSource.getConnection();
                Statement statement = otherInstance.createStatement()) {
            statement.execute("select pg_advisory_lock(" + LOCK + ")");
            assertThat(retention.purgeExpired()).isZero();
            assertThat(entries(old)).isEqualTo(2);
            statement.execute("select pg_advisory_unlock(" + LOCK + ")");
        }

        assertThat(retention.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(entries(old)).isZero();
        assertThat(count("select count(*) from conversation where conversation_id = ?", old))
                .isZero();
        assertThat(count("select count(*) from conversation_agent where conversation_id = ?", old))
                .isZero();
        assertThat(entries(conversation)).isEqualTo(1);
        asSupervisor().get("/conversations/" + old + "/transcript").then().statusCode(404);
    }

    @Test
    void thePurgeIsScheduled() {
        assertThat(scheduler.getScheduledJob(RetentionJob.IDENTITY)).isNotNull();
    }
}
