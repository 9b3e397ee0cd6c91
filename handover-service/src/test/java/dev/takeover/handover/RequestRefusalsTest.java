package dev.takeover.handover;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What every service refuses at the door, shown on this one: each refusal is a problem response, never a 5xx. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RequestRefusalsTest {

    @InjectTokenIssuer
    TokenIssuer tokens;

    @Test
    void aNulInAPathIdIsABadRequestNotAServerError() {
        given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .urlEncodingEnabled(false)
                .get("/incidents/abc%00def")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("control character"));
    }

    @Test
    void aTooLongRequestTargetIsAProblem() {
        given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .get("/incidents/" + "x".repeat(20_000))
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("status", equalTo(414));
    }

    @Test
    void aBodyOverTheEndpointsLimitIsRefusedBeforeItIsRead() {
        String huge = "{\"description\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .contentType("application/json")
                .body(huge)
                .post("/incidents")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("larger than this endpoint accepts"));
    }

    @Test
    void aNulInATextFieldIsABadRequestThatNamesTheField() {
        given().auth()
                .oauth2(tokens.supervisorToken("olga"))
                .contentType("application/json")
                .body("{\"description\":\"server down\\u0000\",\"intents\":[\"service_outage\"]}")
                .post("/incidents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("description"))
                .body("detail", containsString("NUL"));
    }

    @Test
    void everyResponseTellsBrowsersNotToGuessItsType() {
        given().get("/q/health/live").then().header("X-Content-Type-Options", "nosniff");
        given().get("/incidents").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
    }
}
