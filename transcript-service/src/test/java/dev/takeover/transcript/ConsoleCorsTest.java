package dev.takeover.transcript;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The agents' console reads transcripts from its own origin in the browser; no other origin may. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ConsoleCorsTest {

    @Test
    void theConsolesOriginMayReadWithABearerToken() {
        given().header("Origin", "http://localhost:8083")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/conversations/conv-1/handover-package")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8083"))
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "http://localhost:8083")
                .get("/conversations/conv-1/transcript")
                .then()
                .statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8083"));
    }

    @Test
    void anotherOriginGetsNoPermission() {
        given().header("Origin", "http://attacker.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/conversations/conv-1/transcript")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
