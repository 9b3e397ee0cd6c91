package dev.takeover.handover;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.takeover.infrastructure.testing.AdjustableClock;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static dev.takeover.handover.ConversationFlow.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

/** The policy over HTTP: what it is, a dry run on a given conversation, and the what-if replay over stored ones. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PolicyApiTest extends FlowTest {

    @Test
    void theCurrentPolicyIsReadable() {
        supervisor()
                .get("/policy")
                .then()
                .statusCode(200)
                .body("rules", hasKey("customer-request"))
                .body("rules.frustration.threshold", equalTo(0.7f))
                .body("rules.critical-issue.priority", equalTo("URGENT"))
                .body("priorityBoosts.vip.attribute", equalTo("vip"));
    }

    @Test
    void aDryRunExplainsTheDecisionAndAnOverrideShowsWhatAChangedThresholdWouldDo() {
        Map<String, Object> conversation = Map.of(
                "attributes", Map.of("tier", "gold"),
                "messages",
                        List.of(
                                Map.of("messageId", "a", "intent", "invoice_question", "sentiment", 0.1),
                                Map.of(
                                        "messageId",
                                        "b",
                                        "intent",
                                        "invoice_question",
                                        "frustration",
                                        0.8,
                                        "sentiment",
                                        -0.4)));

        supervisor()
                .body(Map.of("conversation", conversation))
                .post("/policy/evaluate")
                .then()
                .statusCode(200)
                .body("decidedOn", equalTo("b"))
                .body("escalate", equalTo(true))
                .body("priority", equalTo("HIGH"))
                .body("reasons[0].code", equalTo("NEGATIVE_SENTIMENT"))
                .body("reasons[0].evidence.messageIds", equalTo(List.of("b")))
                .body("reasons[0].evidence.scores.frustration", equalTo(0.8f))
                .body("priorityFactors[0].code", equalTo("CUSTOMER_ATTRIBUTE"));

        supervisor()
                .body(Map.of(
                        "conversation",
                        conversation,
                        "policy",
                        Map.of("rules", Map.of("frustration", Map.of("threshold", 0.9)))))
                .post("/policy/evaluate")
                .then()
                .statusCode(200)
                .body("escalate", equalTo(false))
                .body("reasons", equalTo(List.of()));

        supervisor().get("/policy").then().body("rules.frustration.threshold", equalTo(0.7f));
    }

    @Test
    void aBadDryRunGetsAProblemThatSaysWhatIsWrong() {
        supervisor()
                .body(Map.of("conversation", Map.of("messages", List.of())))
                .post("/policy/evaluate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("at least one"));
        supervisor()
                .body(Map.of("conversation", Map.of("messages", List.of(Map.of("messageId", "a", "confidence", 2)))))
                .post("/policy/evaluate")
                .then()
                .statusCode(400)
                .body("detail", containsString("confidence of a"));
        supervisor()
                .body(Map.of(
                        "conversation", Map.of("messages", List.of(Map.of("messageId", "a"))),
                        "policy", Map.of("rules", Map.of("frustration", Map.of("treshold", 0.9)))))
                .post("/policy/evaluate")
                .then()
                .statusCode(400)
                .body("detail", containsString("treshold"));
        supervisor()
                .body(Map.of(
                        "conversation", Map.of("messages", List.of(Map.of("messageId", "a"))),
                        "policy",
                                Map.of("rules", Map.of("new-rule", Map.of("when", "ANSWER_REJECTED", "reason", "X")))))
                .post("/policy/evaluate")
                .then()
                .statusCode(400)
                .body("detail", containsString("new-rule"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/policy/evaluate")
                .then()
                .statusCode(401);
    }

    @Test
    void theReplayShowsWhichStoredConversationsALowerThresholdWouldHaveEscalated() {
        flow.says("m1", "I've been waiting for ages", flow.analysis("m1").frustration(0.65));
        flow.says("m2", "Seriously", flow.analysis("m2").frustration(0.5));
        await().atMost(PATIENCE).until(() -> ConversationFlow.processed(flow.messageKey("m1"), flow.messageKey("m2")));
        clock.advance(Duration.ofMinutes(1));

        String since =
                AdjustableClock.WEDNESDAY_MORNING.minus(Duration.ofMinutes(5)).toString();
        String until =
                AdjustableClock.WEDNESDAY_MORNING.plus(Duration.ofHours(1)).toString();
        String mine = "differences.find { it.conversationId == '" + flow.conversation + "' }";
        supervisor()
                .body(Map.of(
                        "since",
                        since,
                        "until",
                        until,
                        "limit",
                        5000,
                        "policy",
                        Map.of("rules", Map.of("frustration", Map.of("threshold", 0.6)))))
                .post("/policy/replay")
                .then()
                .statusCode(200)
                .body(mine + ".current", nullValue())
                .body(mine + ".candidate.messageId", equalTo(flow.msg("m1")))
                .body(mine + ".candidate.messageNumber", equalTo(1))
                .body(mine + ".candidate.reasons", hasItem("NEGATIVE_SENTIMENT"))
                .body(mine + ".candidate.priority", equalTo("HIGH"))
                .body(mine + ".actual", equalTo("not escalated"));

        supervisor()
                .body(Map.of("since", since, "until", until, "limit", 5000))
                .post("/policy/replay")
                .then()
                .statusCode(200)
                .body("changed", equalTo(0));
        supervisor()
                .body(Map.of("since", until, "until", since))
                .post("/policy/replay")
                .then()
                .statusCode(400);
    }

    @Test
    void theControlStateOfAConversationIsServedWithItsHistory() {
        flow.says("m1", "I want to talk to a human", flow.analysis("m1").asksForAPerson());
        String handoverId = flow.awaitTakeover().handoverId();

        given().auth()
                .oauth2(tokens.agentToken("sam"))
                .get("/conversations/{id}/control", flow.conversation)
                .then()
                .statusCode(200)
                .body("state", equalTo("REQUESTED"))
                .body("handoverId", equalTo(handoverId))
                .body("reasons[0].code", equalTo("CUSTOMER_REQUEST"))
                .body("transitions[0].from", equalTo("BOT"))
                .body("transitions[0].to", equalTo("REQUESTED"));
        given().auth()
                .oauth2(tokens.agentToken("sam"))
                .get("/conversations/{id}/control", "conv-never-seen")
                .then()
                .statusCode(200)
                .body("state", equalTo("BOT"));
    }

    private RequestSpecification supervisor() {
        return given().auth().oauth2(tokens.supervisorToken("olga")).contentType(ContentType.JSON);
    }
}
