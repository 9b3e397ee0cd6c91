package dev.takeover.agent;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** A request that breaks the API's constraints is a 400 problem naming the field and constraint, never the value. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RequestValidationTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    private Fixture fixture;

    @BeforeEach
    void start() {
        fixture = new Fixture(kafka, tokens);
    }

    @Test
    void aRegistrationNamesEveryBrokenFieldAndItsConstraint() {
        fixture.asSupervisor()
                .body(Map.of("id", " ", "capacity", 0, "skills", List.of("billing")))
                .post("/agents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body(
                        "detail",
                        equalTo("the request is invalid: capacity must be greater than or equal to 1 (Min); "
                                + "displayName must not be blank (HasText); id must not be blank (HasText)"));
    }

    @Test
    void aProfileAndAPresenceChangeAreCheckedBeforeTheyReachTheAgent() {
        String agent = fixture.register("en");
        fixture.asSupervisor()
                .body(Map.of("displayName", "Renamed"))
                .put("/agents/" + agent)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("the request is invalid: capacity must not be null (NotNull)"));
        fixture.as(agent)
                .body(Map.of())
                .put("/agents/" + agent + "/presence")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("the request is invalid: presence must not be null (NotNull)"));
    }

    @Test
    void aBlankReplyIsRefusedWithoutQuotingWhatWasSent() {
        String agent = fixture.registerOnline("en");
        String conversation = Fixture.conversation();
        String whitespace = " \t\u2003 ";
        fixture.as(agent)
                .body(Map.of("text", whitespace, "messageId", "secret-reference-42"))
                .post("/conversations/" + conversation + "/messages")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("the request is invalid: text must not be blank (HasText)"))
                .body("detail", not(containsString("secret-reference-42")));
        fixture.as(agent)
                .body(Map.of("text", ""))
                .post("/conversations/" + conversation + "/notes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("the request is invalid: text must not be blank (HasText)"));
    }

    @Test
    void theRoleIsCheckedBeforeTheBody() {
        String agent = fixture.register("en");
        fixture.as(agent)
                .body(Map.of("capacity", 0))
                .post("/agents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
