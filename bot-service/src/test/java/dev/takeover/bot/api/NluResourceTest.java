package dev.takeover.bot.api;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class NluResourceTest {

    @Test
    void analysesATextWithTheEventsFields() {
        given().contentType("application/json")
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
        given().contentType("application/json")
                .body("{\"text\":\"Euer Server ist komplett ausgefallen und wir kommen seit einer Stunde nicht mehr an"
                        + " unsere Daten!\"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(200)
                .body("critical.kind", notNullValue())
                .body("critical.evidence.size()", greaterThanOrEqualTo(1));
        given().contentType("application/json")
                .body("{\"text\":\"when is the next planned maintenance?\"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(200)
                .body("critical", nullValue());
    }

    @Test
    void refusesBadInputWithAProblem() {
        given().contentType("application/json")
                .body("{\"text\":\"   \"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("text is required"));
        given().contentType("application/json")
                .body("{\"text\":\"bonjour\",\"language\":\"fr\"}")
                .post("/nlu/analyze")
                .then()
                .statusCode(400)
                .body("detail", containsString("'fr' is not supported"));
        given().contentType("application/json")
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
        given().contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/nlu/catalogue")
                .then()
                .statusCode(200)
                .body("phrases", equalTo(80))
                .body("intents", equalTo(3))
                .body("phrasesPerIntent.'reverted_card_payment?'", equalTo(20))
                .body("trainingMillis", greaterThanOrEqualTo(0));

        given().contentType("application/json")
                .body("[{\"text\":\"hello\"}]")
                .put("/nlu/catalogue")
                .then()
                .statusCode(400)
                .body("detail", containsString("intent is required"))
                .body("detail", containsString("unchanged"));

        given().get("/nlu/catalogue").then().statusCode(200).body("size()", equalTo(80));

        given().contentType("application/json")
                .body(catalogueOfTheDefault())
                .put("/nlu/catalogue")
                .then()
                .statusCode(200);
    }

    private static String catalogueOfTheDefault() {
        return dev.takeover.bot.dialogue.Resources.read("nlu/catalogue.jsonl");
    }
}
