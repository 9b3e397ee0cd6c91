package dev.takeover.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The local stack's one-click sign-in: offered only when the service is given a directory of demo tokens. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(DemoSignInTest.WithDemoTokens.class)
class DemoSignInTest {

    /** A fixed place: the profile and the test may be loaded by different class loaders, and must agree on it. */
    static final Path TOKENS = Path.of("target/demo-sign-in-test/tokens").toAbsolutePath();

    public static class WithDemoTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("takeover.console.demo-tokens", TOKENS.toString());
        }
    }

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    private Fixture fixture;

    @BeforeEach
    void writeTokens() throws IOException {
        fixture = new Fixture(kafka, tokens);
        Files.createDirectories(TOKENS);
        Files.writeString(TOKENS.resolve("sam.jwt"), tokens.supervisorToken("sam") + "\n");
        Files.writeString(TOKENS.resolve("zoe.jwt"), tokens.agentToken("zoe"));
        Files.writeString(TOKENS.resolve("notes.txt"), "not a token");
    }

    @Test
    void theSignInScreenOffersEachDemoIdentityAndItsTokenWorks() {
        if (Fixture.agent("zoe") == null) {
            fixture.asSupervisor()
                    .body(Map.of(
                            "id",
                            "zoe",
                            "displayName",
                            "Zoë",
                            "skills",
                            List.of(fixture.skill),
                            "languages",
                            List.of("en"),
                            "capacity",
                            2))
                    .post("/agents")
                    .then()
                    .statusCode(201);
        }
        given().get("/console/settings").then().statusCode(200).body("demoSignIn", equalTo(true));
        given().get("/console/demo-identities")
                .then()
                .statusCode(200)
                .body("id", contains("sam", "zoe"))
                .body("supervisor", contains(true, false))
                .body("displayName", contains("sam", "Zoë"));

        String token = given().post("/console/demo-identities/zoe/token")
                .then()
                .statusCode(200)
                .extract()
                .path("token");

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .get("/me")
                .then()
                .statusCode(200)
                .body("id", equalTo("zoe"));
    }

    @Test
    void onlyTokenFilesOfPlainNamesAreHandedOut() {
        given().post("/console/demo-identities/notes/token").then().statusCode(404);
        given().post("/console/demo-identities/..%2Fsam/token").then().statusCode(404);
        given().post("/console/demo-identities/nobody/token").then().statusCode(404);
    }
}
