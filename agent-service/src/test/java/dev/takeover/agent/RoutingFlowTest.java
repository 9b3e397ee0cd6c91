package dev.takeover.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RoutingFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private TopicRecorder agentEvents;
    private final String conversation = "conv-" + UUID.randomUUID();
    private final String skill = "skill-" + UUID.randomUUID();

    @BeforeEach
    void record() {
        agentEvents = TopicRecorder.recording(kafka, "agent.events");
    }

    @AfterEach
    void stopRecording() {
        agentEvents.close();
    }

    @Test
    void aTakeoverRequestIsAssignedToTheOnlineAgentWithTheSkill() {
        String offline = register("en");
        String online = register("en");
        goOnline(online);

        requestHandover();

        ConversationAssigned assigned = await().atMost(PATIENCE)
                .until(() -> agentEvents.events(conversation, ConversationAssigned.TYPE), found -> !found.isEmpty())
                .get(0);
        assertThat(assigned.agentId()).isEqualTo(online).isNotEqualTo(offline);
        given().get("/agents/" + online).then().body("activeConversations", equalTo(1));
    }

    @Test
    void aConversationWaitsUntilASuitableAgentComesOnline() {
        String agent = register("de");
        requestHandover();
        await().atMost(PATIENCE).until(() -> QueueEntryCount.waitingFor(conversation) == 1);

        goOnline(agent);

        ConversationAssigned assigned = await().atMost(PATIENCE)
                .until(() -> agentEvents.events(conversation, ConversationAssigned.TYPE), found -> !found.isEmpty())
                .get(0);
        assertThat(assigned.agentId()).isEqualTo(agent);
    }

    @Test
    void refusesAnInvalidRegistrationWithAProblem() {
        given().contentType(ContentType.JSON)
                .body(Map.of("id", "x", "displayName", "X", "capacity", 0))
                .post("/agents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("capacity must be at least 1"));
        given().contentType(ContentType.JSON)
                .body("{not json")
                .post("/agents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        given().contentType(ContentType.JSON)
                .body(Map.of("presence", "ONLINE"))
                .put("/agents/nobody/presence")
                .then()
                .statusCode(404)
                .body("detail", equalTo("no agent nobody"));
    }

    @Test
    void refusesToRegisterTheSameAgentTwice() {
        String agent = register("en");

        given().contentType(ContentType.JSON)
                .body(Map.of("id", agent, "displayName", "Again", "capacity", 1))
                .post("/agents")
                .then()
                .statusCode(409)
                .body("detail", containsString("already registered"));
    }

    private String register(String language) {
        String id = "agent-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        id,
                        "displayName",
                        "Agent " + id.substring(6, 10),
                        "skills",
                        List.of(skill),
                        "languages",
                        List.of(language),
                        "capacity",
                        2))
                .post("/agents")
                .then()
                .statusCode(201);
        return id;
    }

    private void goOnline(String agent) {
        given().contentType(ContentType.JSON)
                .body(Map.of("presence", "ONLINE"))
                .put("/agents/" + agent + "/presence")
                .then()
                .statusCode(200)
                .body("presence", equalTo("ONLINE"));
    }

    private void requestHandover() {
        HandoverRequested request = new HandoverRequested(
                UUID.randomUUID().toString(),
                conversation,
                List.of(new Reason("CUSTOMER_REQUEST", "asked for a person", null)),
                Priority.NORMAL,
                List.of(skill),
                null,
                Instant.now(),
                new HandoverPackage(null, null, "web", null, null, null, null, null));
        kafka.produce(String.class, byte[].class)
                .fromRecords(ContractRecords.record(HandoverRequested.TYPE, request))
                .awaitCompletion(PATIENCE);
    }

    static final class QueueEntryCount {
        static long waitingFor(String conversationId) {
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> QueueEntry.count("conversationId = ?1 and agentId is null", conversationId));
        }
    }
}
