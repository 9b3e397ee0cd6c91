package dev.takeover.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.agent.routing.Routing;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static dev.takeover.agent.Fixture.PATIENCE;
import static dev.takeover.agent.Fixture.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The guarantees under contention. Concurrent transactions from many threads are what two instances look like to
 * PostgreSQL: separate connections deciding at the same moment.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ConcurrencyTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    @Inject
    Routing routing;

    private Fixture fixture;
    private TopicRecorder agentEvents;
    private ExecutorService threads;

    @BeforeEach
    void start() {
        fixture = new Fixture(kafka, tokens);
        agentEvents = TopicRecorder.recording(kafka, "agent.events");
        threads = Executors.newFixedThreadPool(12);
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        agentEvents.close();
    }

    @Test
    void ofEightAgentsTakingTheSameConversationAtOnceExactlyOneWinsAndTheOthersGetAConflict() throws Exception {
        List<String> agents = IntStream.range(0, 8)
                .mapToObj(i -> {
                    String agent = fixture.register("en");
                    // Away: routing offers them nothing, but each may take a waiting conversation themselves.
                    fixture.presence(agent, Presence.AWAY);
                    return agent;
                })
                .toList();
        String conversation = conversation();
        String handover = fixture.requestHandover(conversation, "en");
        await().atMost(PATIENCE).until(() -> Fixture.stateOf(handover) == TakeoverState.WAITING);

        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (String agent : agents) {
            statuses.add(threads.submit(() -> {
                go.await();
                return fixture.accept(agent, conversation).extract().statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get(60, TimeUnit.SECONDS));
        }

        assertThat(codes).containsOnly(200, 409).filteredOn(code -> code == 200).hasSize(1);
        String winner = agents.get(codes.indexOf(200));
        assertThat(Fixture.takeover(handover).agentId).isEqualTo(winner);
        assertThat(agents.stream()
                        .mapToInt(agent -> Fixture.agent(agent).activeConversations)
                        .sum())
                .isEqualTo(1);
        fixture.as(agents.get(codes.lastIndexOf(409)))
                .post("/conversations/" + conversation + "/accept")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("already accepted by another agent"));
        // A later event on the same conversation (same partition, same order) proves no second assignment followed.
        fixture.as(winner)
                .body(Map.of("text", "took it"))
                .post("/conversations/" + conversation + "/notes")
                .then()
                .statusCode(201);
        await().atMost(PATIENCE)
                .until(() -> !agentEvents
                        .events(conversation, InternalNoteAdded.TYPE)
                        .isEmpty());
        assertThat(agentEvents.events(conversation, ConversationAssigned.TYPE))
                .singleElement()
                .extracting(ConversationAssigned::agentId)
                .isEqualTo(winner);
    }

    @Test
    void agentsComingOnlineWhileRoutingPassesAndAcceptsRunNeverGetOverbooked() throws Exception {
        List<String> agents = IntStream.range(0, 6)
                .mapToObj(i -> fixture.register("en", 2, List.of()))
                .toList();
        int slots = agents.size() * 2;
        List<ProducerRecord<String, byte[]>> requests = new ArrayList<>();
        List<String> handovers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HandoverRequested request = fixture.request(conversation(), Priority.NORMAL, null, "en");
            handovers.add(request.handoverId());
            requests.add(ContractRecords.record(HandoverRequested.TYPE, request));
        }
        fixture.produceAll(requests);
        await().atMost(PATIENCE)
                .until(() -> handovers.stream()
                                .filter(id -> Fixture.stateOf(id) == TakeoverState.WAITING)
                                .count()
                        == handovers.size());

        // At one moment: every agent comes online (each a routing pass of its own), other "instances" run routing
        // passes, and the agents accept whatever they are offered.
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> contenders = new ArrayList<>();
        for (String agent : agents) {
            contenders.add(threads.submit((Callable<Void>) () -> {
                go.await();
                fixture.presence(agent, Presence.ONLINE);
                for (int round = 0; round < 5; round++) {
                    for (String offered : offersOf(agent)) {
                        fixture.accept(agent, offered);
                    }
                }
                return null;
            }));
        }
        for (int thread = 0; thread < 4; thread++) {
            contenders.add(threads.submit((Callable<Void>) () -> {
                go.await();
                for (int pass = 0; pass < 20; pass++) {
                    routing.expireOffersAndRoute();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> contender : contenders) {
            contender.get(120, TimeUnit.SECONDS);
        }
        await().atMost(PATIENCE).until(() -> held(handovers) == slots);

        for (String agent : agents) {
            Agent found = Fixture.agent(agent);
            long holding = QuarkusTransaction.requiringNew()
                    .call(() -> Takeover.heldBy(agent).size());
            assertThat(found.activeConversations)
                    .isLessThanOrEqualTo(found.capacity)
                    .isEqualTo((int) holding);
        }
        Map<TakeoverState, Long> states =
                handovers.stream().collect(Collectors.groupingBy(Fixture::stateOf, Collectors.counting()));
        assertThat(states.getOrDefault(TakeoverState.WAITING, 0L)).isEqualTo(handovers.size() - slots);
    }

    private static long held(List<String> handovers) {
        return handovers.stream()
                .map(Fixture::stateOf)
                .filter(state -> state == TakeoverState.OFFERED || state == TakeoverState.ASSIGNED)
                .count();
    }

    private List<String> offersOf(String agent) {
        return fixture.as(agent)
                .get("/me/conversations")
                .jsonPath()
                .getList("findAll { it.state == 'OFFERED' }.conversationId", String.class);
    }
}
