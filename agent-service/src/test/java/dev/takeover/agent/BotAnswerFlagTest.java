package dev.takeover.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.agent.BotAnswerFlagged;
import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.AdjustableClock;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static dev.takeover.agent.Fixture.PATIENCE;
import static dev.takeover.agent.Fixture.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** An agent flags a wrong bot answer: one contract event on agent.events, keyed by the conversation. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BotAnswerFlagTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    private final AdjustableClock clock;
    private Fixture fixture;
    private TopicRecorder events;

    BotAnswerFlagTest(AdjustableClock clock) {
        this.clock = clock;
    }

    @BeforeEach
    void start() {
        fixture = new Fixture(kafka, tokens);
        events = TopicRecorder.recording(kafka, "agent.events");
    }

    @AfterEach
    void stop() {
        events.close();
        clock.reset();
    }

    @Test
    void theHandlingAgentFlagsABotAnswerOnceEvenWhenTheRequestIsRetried() {
        Instant flaggedAt = Instant.parse("2026-11-25T09:30:00Z");
        clock.travelTo(flaggedAt);
        String agent = fixture.registerOnline("de");
        String conversation = conversation();
        fixture.requestHandover(conversation, "de");
        await().atMost(PATIENCE)
                .until(() -> fixture.accept(agent, conversation).extract().statusCode() == 200);
        Map<String, String> flag = Map.of(
                "messageId", "bot-7", "expectedIntent", "invoice_complaint", "comment", "wrong topic", "flagId", "f-1");

        for (int attempt = 0; attempt < 2; attempt++) {
            fixture.as(agent)
                    .body(flag)
                    .post("/conversations/" + conversation + "/bot-answer-flags")
                    .then()
                    .statusCode(201)
                    .body("flagId", equalTo("f-1"))
                    .body("agentId", equalTo(agent));
        }

        BotAnswerFlagged published = await().atMost(PATIENCE)
                .until(() -> events.events(conversation, BotAnswerFlagged.TYPE), found -> !found.isEmpty())
                .get(0);
        assertThat(published.messageId()).isEqualTo("bot-7");
        assertThat(published.expectedIntent()).isEqualTo("invoice_complaint");
        assertThat(published.comment()).isEqualTo("wrong topic");
        assertThat(published.agentName()).startsWith("Agent ");
        assertThat(java.time.Duration.between(flaggedAt, published.flaggedAt()))
                .isBetween(java.time.Duration.ZERO, java.time.Duration.ofSeconds(30));
        List<ConsumerRecord<String, byte[]>> records = events.records(conversation).stream()
                .filter(record -> BotAnswerFlagged.TYPE.name().equals(TopicRecorder.header(record, "ce_type")))
                .toList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(conversation);
        assertThat(TopicRecorder.header(records.get(0), "ce_subject")).isEqualTo(conversation);
    }

    @Test
    void onlyTheConversationsAgentOrASupervisorMayFlag() {
        String agent = fixture.registerOnline("en");
        String conversation = conversation();
        fixture.requestHandover(conversation, "en");
        await().atMost(PATIENCE)
                .until(() -> fixture.accept(agent, conversation).extract().statusCode() == 200);

        fixture.as("agent-" + UUID.randomUUID())
                .body(Map.of("messageId", "bot-1"))
                .post("/conversations/" + conversation + "/bot-answer-flags")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        fixture.asSupervisor()
                .body(Map.of("messageId", "bot-1"))
                .post("/conversations/" + conversation + "/bot-answer-flags")
                .then()
                .statusCode(201);
        fixture.as(agent)
                .body(Map.of("expectedIntent", "x"))
                .post("/conversations/" + conversation + "/bot-answer-flags")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("the request is invalid: messageId must not be blank (HasText)"));
        fixture.as(agent)
                .body(Map.of("messageId", "bot-1"))
                .post("/conversations/conv-" + UUID.randomUUID() + "/bot-answer-flags")
                .then()
                .statusCode(404);
        await().atMost(PATIENCE)
                .until(() -> events.events(conversation, BotAnswerFlagged.TYPE), found -> found.size() == 1);
    }
}
