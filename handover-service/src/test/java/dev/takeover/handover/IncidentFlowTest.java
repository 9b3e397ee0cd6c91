package dev.takeover.handover;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.events.handover.IncidentTagChanged;
import dev.takeover.handover.waiting.NoticePurpose;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static dev.takeover.handover.ConversationFlow.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Incident mode: declared over HTTP, matching conversations tagged, prioritised and told, the tag lifted at the end. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class IncidentFlowTest extends FlowTest {

    @Test
    void aConversationAboutADeclaredIncidentIsTaggedPrioritisedToldAndReleasedWhenItEnds() {
        String word = "zeppelin" + flow.conversation.substring(5, 13);
        String incidentId = declare(Map.of(
                "description", "Login broken for " + word,
                "keywords", List.of(word),
                "customerNotice", Map.of("en", "Logging in via " + word + " is broken right now; we're on it.")));

        flow.says(
                "m1",
                "I can't log in with " + word + " at all",
                flow.analysis("m1").intent("login_problem", 0.8));
        IncidentTagChanged tagged = flow.awaitHandoverEvent(IncidentTagChanged.TYPE, IncidentTagChanged::tagged);
        assertThat(tagged.incidentId()).isEqualTo(incidentId);

        flow.says("m2", "I want to talk to a human", flow.analysis("m2").asksForAPerson());
        HandoverRequested takeover = flow.awaitTakeover();
        assertThat(takeover.incidentId()).isEqualTo(incidentId);
        assertThat(takeover.priority()).isEqualTo(Priority.HIGH);
        assertThat(takeover.reasons()).extracting(Reason::code).containsExactly("CUSTOMER_REQUEST", "KNOWN_INCIDENT");
        assertThat(flow.awaitNotice(NoticePurpose.INCIDENT_NOTICE).text())
                .isEqualTo("Logging in via " + word + " is broken right now; we're on it.");

        given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .post("/incidents/{id}/end", incidentId)
                .then()
                .statusCode(200)
                .body("untaggedConversations", equalTo(1))
                .body("endedAt", org.hamcrest.Matchers.notNullValue());
        IncidentTagChanged lifted = flow.awaitHandoverEvent(IncidentTagChanged.TYPE, change -> !change.tagged());
        assertThat(lifted.incidentId()).isEqualTo(incidentId);
        flow.awaitNotice(NoticePurpose.INCIDENT_RESOLVED);
        assertThat(QuarkusTransactionCount.incidentOf(flow.conversation)).isNull();
    }

    @Test
    void declaringAnIncidentTagsTheConversationsOfTheLastHoursThatMatchIt() {
        flow.says("m1", "Your service is down", flow.analysis("m1").intent("outage_" + flow.customer, 0.4));
        await().atMost(PATIENCE).until(() -> ConversationFlow.processed(flow.messageKey("m1")));

        String incidentId = declare(Map.of(
                "description",
                "Datacenter outage",
                "intents",
                List.of("outage_" + flow.customer),
                "priority",
                "URGENT"));

        assertThat(flow.awaitHandoverEvent(IncidentTagChanged.TYPE, IncidentTagChanged::tagged)
                        .incidentId())
                .isEqualTo(incidentId);
        given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .get("/incidents?active=true")
                .then()
                .statusCode(200)
                .body("find { it.incidentId == '" + incidentId + "' }.priority", equalTo("URGENT"))
                .body("find { it.incidentId == '" + incidentId + "' }.declaredBy", equalTo("olga"));
        end(incidentId);
    }

    @Test
    void onlySupervisorsDeclareIncidentsAndBadDeclarationsAreExplained() {
        given().contentType(ContentType.JSON)
                .body(Map.of("description", "x", "keywords", List.of("x")))
                .post("/incidents")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("a valid bearer token is required"));
        given().auth()
                .oauth2(tokens.agentToken("sam"))
                .contentType(ContentType.JSON)
                .body(Map.of("description", "x", "keywords", List.of("x")))
                .post("/incidents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .contentType(ContentType.JSON)
                .body(Map.of("description", "Something"))
                .post("/incidents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("intents or keywords"));
        given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .contentType(ContentType.JSON)
                .body(Map.of("keywords", List.of("x")))
                .post("/incidents")
                .then()
                .statusCode(400)
                .body("detail", containsString("description"));
        given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .post("/incidents/{id}/end", "inc-nothing")
                .then()
                .statusCode(404);
    }

    @Test
    void anIncidentEndsOnce() {
        String incidentId = declare(Map.of("description", "Short blip", "keywords", List.of("blip" + flow.customer)));
        end(incidentId);
        given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .post("/incidents/{id}/end", incidentId)
                .then()
                .statusCode(409)
                .body("detail", containsString("already ended"));
    }

    private String declare(Map<String, Object> declaration) {
        return given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .contentType(ContentType.JSON)
                .body(declaration)
                .post("/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("incidentId");
    }

    private void end(String incidentId) {
        given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .post("/incidents/{id}/end", incidentId)
                .then()
                .statusCode(200);
    }
}
