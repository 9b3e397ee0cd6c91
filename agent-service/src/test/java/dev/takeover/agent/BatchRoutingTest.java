package dev.takeover.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.agent.messaging.HandoverEventConsumer;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.PolledBatch;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of takeover requests all join the queue, and the queue is routed once for them: in serving order, within
 * every agent's capacity, and every customer left waiting hears where they stand.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BatchRoutingTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    @Inject
    HandoverEventConsumer consumer;

    @Test
    void aBatchOfRequestsIsRoutedInServingOrderWithinCapacity() {
        Fixture fixture = new Fixture(kafka, tokens);
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String agent = fixture.register("en", 2, List.of());
            fixture.presence(agent, Presence.ONLINE);
            agents.add(agent);
        }
        Instant start = Instant.now().minusSeconds(60);
        List<HandoverRequested> normal = new ArrayList<>();
        List<HandoverRequested> urgent = new ArrayList<>();
        PolledBatch batch = PolledBatch.polled();
        for (int i = 0; i < 10; i++) {
            boolean isUrgent = i >= 7;
            HandoverRequested request = fixture.request(
                    Fixture.conversation(),
                    isUrgent ? Priority.URGENT : Priority.NORMAL,
                    null,
                    "en",
                    start.plusSeconds(i));
            (isUrgent ? urgent : normal).add(request);
            batch.on(0, ContractRecords.record(HandoverRequested.TYPE, request));
        }

        consumer.consume(batch.records());

        List<String> served = new ArrayList<>(handoverIds(urgent));
        served.addAll(handoverIds(normal.subList(0, 3)));
        List<String> waiting = handoverIds(normal.subList(3, normal.size()));
        assertThat(served)
                .allSatisfy(handover -> assertThat(Fixture.stateOf(handover)).isEqualTo(TakeoverState.OFFERED));
        assertThat(waiting)
                .allSatisfy(handover -> assertThat(Fixture.stateOf(handover)).isEqualTo(TakeoverState.WAITING));
        assertThat(agents)
                .allSatisfy(agent ->
                        assertThat(Fixture.agent(agent).activeConversations).isEqualTo(2));
        assertThat(positionsPublished(waiting)).isEqualTo(waiting.size());
    }

    @Test
    void requestsSpreadOverPartitionsAreAllRoutedAndNoAgentIsOverbooked() {
        Fixture fixture = new Fixture(kafka, tokens);
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String agent = fixture.register("en", 3, List.of());
            fixture.presence(agent, Presence.ONLINE);
            agents.add(agent);
        }
        List<HandoverRequested> requests = new ArrayList<>();
        PolledBatch batch = PolledBatch.polled();
        for (int i = 0; i < 16; i++) {
            HandoverRequested request = fixture.request(Fixture.conversation(), Priority.NORMAL, null, "en");
            requests.add(request);
            batch.on(i % 4, ContractRecords.record(HandoverRequested.TYPE, request));
        }

        consumer.consume(batch.records());

        List<TakeoverState> states =
                handoverIds(requests).stream().map(Fixture::stateOf).toList();
        assertThat(states).filteredOn(state -> state == TakeoverState.OFFERED).hasSize(12);
        assertThat(states).filteredOn(state -> state == TakeoverState.WAITING).hasSize(4);
        assertThat(agents)
                .allSatisfy(agent ->
                        assertThat(Fixture.agent(agent).activeConversations).isEqualTo(3));
    }

    private static List<String> handoverIds(List<HandoverRequested> requests) {
        return requests.stream().map(HandoverRequested::handoverId).toList();
    }

    private static long positionsPublished(List<String> handoverIds) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Takeover.getEntityManager()
                                .createNativeQuery("select count(*) from queue_notice where handover_id in (:ids)")
                                .setParameter("ids", handoverIds)
                                .getSingleResult())
                        .longValue());
    }
}
