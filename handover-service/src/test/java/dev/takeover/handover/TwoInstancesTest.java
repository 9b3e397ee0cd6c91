package dev.takeover.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.handover.waiting.NoticePurpose;
import dev.takeover.infrastructure.testing.AdjustableClock;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static dev.takeover.handover.ConversationFlow.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What two instances do at once, simulated by concurrent transactions on the same database: records about one
 * conversation racing in from different topics, and both timer jobs finding the same due timer.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TwoInstancesTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    AdjustableClock clock;
    Handovers handovers;
    ConversationFlow flow;
    ExecutorService instances = Executors.newFixedThreadPool(8);

    TwoInstancesTest(AdjustableClock clock, Handovers handovers) {
        this.clock = clock;
        this.handovers = handovers;
    }

    @BeforeEach
    void start() {
        clock.travelTo(AdjustableClock.WEDNESDAY_MORNING);
        flow = new ConversationFlow(kafka);
    }

    @AfterEach
    void stop() throws InterruptedException {
        flow.close();
        instances.shutdownNow();
        instances.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void requestsForAPersonRacingInParallelOpenExactlyOneEscalation() throws Exception {
        List<Callable<Void>> racing = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            MessageAnalyzed analysis = flow.analysis("m" + i).asksForAPerson().build();
            racing.add(() -> {
                handovers.onMessageAnalyzed(new ReceivedEvent<>(
                        UUID.randomUUID().toString(), MessageAnalyzed.TYPE, Instant.now(), analysis));
                return null;
            });
        }
        for (Future<Void> done : instances.invokeAll(racing)) {
            done.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(QuarkusTransactionCount.handovers(flow.conversation)).isEqualTo(1);
        HandoverRequested takeover = flow.awaitTakeover();
        assertThat(takeover.reasons().get(0).evidence().messageIds()).hasSize(1);
    }

    @Test
    void aDueTimerFiresOnceWhenBothInstancesRunItAtOnce() throws Exception {
        flow.says("m1", "I want to talk to a human", flow.analysis("m1").asksForAPerson());
        String handoverId = flow.awaitTakeover().handoverId();
        flow.awaitNotice(NoticePurpose.HANDOVER_NOTICE);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        List<Callable<Void>> bothInstances = List.of(
                () -> {
                    handovers.runDueTimers(flow.conversation);
                    return null;
                },
                () -> {
                    handovers.runDueTimers(flow.conversation);
                    return null;
                });
        for (Future<Void> done : instances.invokeAll(bothInstances)) {
            done.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        flow.agentService(
                ConversationAssigned.TYPE,
                new ConversationAssigned(flow.conversation, handoverId, "sam", "Sam", Instant.now()));

        // Notices of one conversation share a partition and the outbox keeps their order: the offer came before.
        flow.awaitNotice(NoticePurpose.AGENT_JOINED);
        assertThat(flow.notices(NoticePurpose.CALLBACK_OFFER)).hasSize(1);
    }

    @Test
    void theTimerJobLeavesAConversationAloneWhileSomeoneElseHoldsIt() throws Exception {
        flow.says("m1", "I want to talk to a human", flow.analysis("m1").asksForAPerson());
        String handoverId = flow.awaitTakeover().handoverId();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder =
                instances.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                    Conversation.lock(flow.conversation, clock.instant());
                    locked.countDown();
                    await().atMost(PATIENCE).until(() -> release.getCount() == 0);
                }));
        assertThat(locked.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        instances.submit(() -> handovers.runDueTimers(flow.conversation)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(flow.handover(handoverId).notices().alternativesOfferedAt()).isNull();

        release.countDown();
        holder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(PATIENCE).until(() -> flow.handover(handoverId).notices().alternativesOfferedAt() != null);
        assertThat(flow.awaitNotices(NoticePurpose.CALLBACK_OFFER, 1)).hasSize(1);
    }
}
