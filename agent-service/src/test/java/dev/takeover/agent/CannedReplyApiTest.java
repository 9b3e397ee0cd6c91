package dev.takeover.agent;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The catalogue of canned replies: every agent reads it, only supervisors change it. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CannedReplyApiTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    private Fixture fixture;
    private final String shortcut = "s" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void start() {
        fixture = new Fixture(kafka, tokens);
    }

    @Test
    void aSupervisorAddsChangesAndDeletesARepliesAndAgentsFindThemByLanguage() {
        String id = fixture.asSupervisor()
                .body(Map.of(
                        "language", "de", "shortcut", "/" + shortcut, "title", "Gruß", "text", "Hallo {customer}!"))
                .post("/canned-replies")
                .then()
                .statusCode(201)
                .header("Location", containsString("/canned-replies/"))
                .body("shortcut", equalTo(shortcut))
                .body("updatedBy", equalTo(fixture.supervisor))
                .extract()
                .path("id");

        fixture.as("agent-" + UUID.randomUUID())
                .queryParam("language", "de")
                .get("/canned-replies")
                .then()
                .statusCode(200)
                .body("shortcut", hasItem(shortcut))
                .body("language", everyItem(equalTo("de")))
                .body("find { it.id == '" + id + "' }.text", equalTo("Hallo {customer}!"));
        fixture.as("agent-" + UUID.randomUUID())
                .queryParam("language", "en")
                .get("/canned-replies")
                .then()
                .statusCode(200)
                .body("shortcut", not(hasItem(shortcut)))
                .body("shortcut", hasItem("hello"));

        fixture.asSupervisor()
                .body(Map.of("language", "de", "shortcut", shortcut, "text", "Guten Tag {customer}."))
                .put("/canned-replies/" + id)
                .then()
                .statusCode(200)
                .body("text", equalTo("Guten Tag {customer}."))
                .body("title", equalTo(shortcut));
        fixture.asSupervisor().delete("/canned-replies/" + id).then().statusCode(204);
        fixture.asSupervisor().delete("/canned-replies/" + id).then().statusCode(404);
    }

    @Test
    void agentsMayNotChangeTheCatalogueAndStrangersMayNotReadIt() {
        fixture.as("agent-" + UUID.randomUUID())
                .body(Map.of("language", "en", "shortcut", shortcut, "text", "Hi"))
                .post("/canned-replies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/canned-replies").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("language", "en", "shortcut", shortcut, "text", "Hi"))
                .post("/canned-replies")
                .then()
                .statusCode(401);
    }

    @Test
    void aShortcutIsUniquePerLanguageAndBadRepliesAreRefusedWithReasons() {
        fixture.asSupervisor()
                .body(Map.of("language", "en", "shortcut", shortcut, "text", "Hi"))
                .post("/canned-replies")
                .then()
                .statusCode(201);
        fixture.asSupervisor()
                .body(Map.of("language", "en", "shortcut", shortcut.toUpperCase(), "text", "Hello again"))
                .post("/canned-replies")
                .then()
                .statusCode(409)
                .body("detail", containsString("/" + shortcut));
        fixture.asSupervisor()
                .body(Map.of("language", "de", "shortcut", shortcut, "text", "Hallo"))
                .post("/canned-replies")
                .then()
                .statusCode(201);

        fixture.asSupervisor()
                .body(Map.of("language", "en", "shortcut", "two words", "text", "Hi"))
                .post("/canned-replies")
                .then()
                .statusCode(400)
                .body("detail", containsString("shortcut"));
        fixture.asSupervisor()
                .body(Map.of("language", "english please", "shortcut", "x" + shortcut, "text", "Hi"))
                .post("/canned-replies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("language"))
                .body("detail", not(containsString("english please")));
        fixture.asSupervisor()
                .body(Map.of("language", "en", "shortcut", "y" + shortcut))
                .post("/canned-replies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("the request is invalid: text must not be blank (HasText)"));
        fixture.asSupervisor()
                .body(Map.of("language", "en", "shortcut", "z" + shortcut, "text", "x".repeat(2001)))
                .post("/canned-replies")
                .then()
                .statusCode(400)
                .body("detail", equalTo("the request is invalid: text size must be between 0 and 2000 (Size)"));
    }
}
