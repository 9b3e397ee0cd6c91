package dev.takeover.bot.api;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NluResourceTest {

    @InjectTokenIssuer
    TokenIssuer tokens;

    @Test
    void analysingNeedsAnAgentAndTheCatalogueASupervisor() {
        given().contentType("application/json")
                .body("{\"text\":\"hello\"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(tokens.agentToken("anna"))
                .contentType("application/json")
                .body("{\"text\":\"hello\"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(200);
        given().get("/nlu/catalogue").then().statusCode(401);
        given().auth()
                .oauth2(tokens.agentToken("anna"))
                .get("/nlu/catalogue")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokens.agentToken("anna"))
                .contentType("application/x-ndjson")
                .body("{\"text\":\"hi\",\"intent\":\"greeting\"}".getBytes(StandardCharsets.UTF_8))
                .put("/nlu/catalogue")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(tokens.supervisorToken("sam"))
                .get("/nlu/catalogue")
                .then()
                .statusCode(200);
    }

    @Test
    void analysesATextWithTheEventsFields() {
        given().auth()
                .oauth2(tokens.supervisorToken("sam"))
                .contentType("application/json")
                .body("{\"text\":\"Ich möchte mit einem Mitarbeiter sprechen\"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(200)
                .body("language", equalTo("de"))
                .body("humanRequested", equalTo(true))
                .body("intent.name", notNullValue())
                .body("sentiment.label", notNullValue())
                .body("frustration", notNullValue())
                .body("outOfScope", equalTo(false))
                .body("conversationId", nullValue());
    }

    @Test
    void reportsACriticalIssueWithItsKindAndEvidence() {
        given().auth()
                .oauth2(tokens.agentToken("anna"))
                .contentType("application/json")
                .body("{\"text\":\"Euer Server ist komplett ausgefallen und wir kommen seit einer Stunde nicht mehr an"
                        + " unsere Daten!\"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(200)
                .body("critical.kind", notNullValue())
                .body("critical.evidence.size()", greaterThanOrEqualTo(1));
        given().auth()
                .oauth2(tokens.agentToken("anna"))
                .contentType("application/json")
                .body("{\"text\":\"when is the next planned maintenance?\"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(200)
                .body("critical", nullValue());
    }

    @Test
    void refusesBadInputWithAProblem() {
        given().auth()
                .oauth2(tokens.supervisorToken("sam"))
                .contentType("application/json")
                .body("{\"text\":\"   \"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("the request is invalid: text must not be blank (HasText)"));
        given().auth()
                .oauth2(tokens.supervisorToken("sam"))
                .contentType("application/json")
                .body("{\"text\":\"bonjour\",\"language\":\"fr\"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(400)
                .body("detail", startsWith("language is not supported; use one of"))
                .body("detail", not(containsString("fr")));
        given().auth()
                .oauth2(tokens.supervisorToken("sam"))
                .contentType("application/json")
                .body("{\"text\":\"🙂🙂\"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(200)
                .body("sentiment.label", equalTo("POSITIVE"));
    }

    @Test
    void replacesTheCatalogueAndKeepsTheOldOneWhenANewOneIsRejected() {
        String body = IntStream.range(0, 20)
                .mapToObj(i -> "{\"text\":\"where is my order number " + i + "\",\"intent\":\"order_status\"}\n"
                        + "{\"text\":\"I forgot my password again " + i + "\",\"intent\":\"login_password\"}\n"
                        + "{\"text\":\"Wo ist meine Bestellung " + i
                        + "\",\"intent\":\"order_status\",\"language\":\"de\"}\n"
                        + "{\"text\":\"my card payment was reverted " + i
                        + "\",\"intent\":\"reverted_card_payment?\",\"language\":\"en\"}")
                .collect(Collectors.joining("\n"));
        given().auth()
                .oauth2(tokens.supervisorToken("sam"))
                .contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .put("/nlu/catalogue")
                .then()
                .statusCode(200)
                .body("phrases", equalTo(80))
                .body("intents", equalTo(3))
                .body("phrasesPerIntent.'reverted_card_payment?'", equalTo(20))
                .body("trainingMillis", greaterThanOrEqualTo(0));

        given().auth()
                .oauth2(tokens.supervisorToken("sam"))
                .contentType("application/json")
                .body("[{\"text\":\"hello\"}]")
                .put("/nlu/catalogue")
                .then()
                .statusCode(400)
                .body("detail", containsString("intent is required"))
                .body("detail", containsString("unchanged"));

        given().auth()
                .oauth2(tokens.supervisorToken("sam"))
                .get("/nlu/catalogue")
                .then()
                .statusCode(200)
                .body("size()", equalTo(80));

        given().auth()
                .oauth2(tokens.supervisorToken("sam"))
                .contentType("application/json")
                .body(catalogueOfTheDefault())
                .put("/nlu/catalogue")
                .then()
                .statusCode(200);
    }

    private static String catalogueOfTheDefault() {
        return dev.takeover.bot.dialogue.Resources.read("nlu/catalogue.jsonl");
    }
}
