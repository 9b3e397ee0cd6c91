package dev.takeover.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;
import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.ContractRecords;

import static io.restassured.RestAssured.given;

/**
 * One test's world: a skill of its own (so agents and conversations of other tests in the same JVM never match),
 * agents registered through the API with real tokens, and takeover requests produced as handover-service does.
 */
final class Fixture {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    final KafkaCompanion kafka;
    final TokenIssuer tokens;
    final String skill = "skill-" + UUID.randomUUID();
    final String supervisor = "supervisor-" + UUID.randomUUID();

    Fixture(KafkaCompanion kafka, TokenIssuer tokens) {
        this.kafka = kafka;
        this.tokens = tokens;
    }

    RequestSpecification asSupervisor() {
        return given().auth().oauth2(tokens.supervisorToken(supervisor)).contentType(ContentType.JSON);
    }

    RequestSpecification as(String agent) {
        return given().auth().oauth2(tokens.agentToken(agent)).contentType(ContentType.JSON);
    }

    String register(String language) {
        return register(language, 2, List.of());
    }

    String register(String language, int capacity, List<String> teams) {
        return register(List.of(skill), language, capacity, teams);
    }

    String register(List<String> skills, String language, int capacity, List<String> teams) {
        String id = "agent-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("displayName", "Agent " + id.substring(6, 10));
        body.put("skills", skills);
        body.put("languages", List.of(language));
        body.put("capacity", capacity);
        body.put("teams", teams);
        asSupervisor().body(body).post("/agents").then().statusCode(201);
        return id;
    }

    String registerOnline(String language) {
        String agent = register(language);
        presence(agent, Presence.ONLINE);
        return agent;
    }

    ValidatableResponse presence(String agent, Presence presence) {
        return as(agent)
                .body(Map.of("presence", presence.name()))
                .put("/agents/" + agent + "/presence")
                .then()
                .statusCode(200);
    }

    ValidatableResponse accept(String agent, String conversation) {
        return as(agent).post("/conversations/" + conversation + "/accept").then();
    }

    static String conversation() {
        return "conv-" + UUID.randomUUID();
    }

    HandoverRequested request(String conversation, Priority priority, String customerId, String language) {
        return request(conversation, priority, customerId, language, Instant.now());
    }

    HandoverRequested request(
            String conversation, Priority priority, String customerId, String language, Instant requestedAt) {
        return new HandoverRequested(
                "handover-" + UUID.randomUUID(),
                conversation,
                List.of(new Reason("CUSTOMER_REQUEST", "asked for a person", null)),
                priority,
                List.of(skill),
                language,
                requestedAt,
                new HandoverPackage(customerId, "Kim Customer", "web", null, null, null, null, "wants a refund"));
    }

    /** Publishes as handover-service does; returns the handover id. */
    String requestHandover(String conversation, String language) {
        return publish(request(conversation, Priority.NORMAL, null, language));
    }

    String publish(HandoverRequested request) {
        produce(HandoverRequested.TYPE, request);
        return request.handoverId();
    }

    <T extends ConversationEvent> void produce(EventType<T> type, T event) {
        kafka.produce(String.class, byte[].class)
                .fromRecords(ContractRecords.record(type, event))
                .awaitCompletion(PATIENCE);
    }

    void produceAll(List<ProducerRecord<String, byte[]>> records) {
        kafka.produce(String.class, byte[].class)
                .fromRecords(new ArrayList<>(records))
                .awaitCompletion(PATIENCE);
    }

    static Takeover takeover(String handoverId) {
        return QuarkusTransaction.requiringNew().call(() -> Takeover.<Takeover>findById(handoverId));
    }

    static TakeoverState stateOf(String handoverId) {
        Takeover takeover = takeover(handoverId);
        return takeover == null ? null : takeover.state;
    }

    static Agent agent(String agentId) {
        return QuarkusTransaction.requiringNew().call(() -> Agent.<Agent>findById(agentId));
    }
}
