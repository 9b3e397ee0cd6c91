package dev.takeover.agent;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.takeover.infrastructure.testing.AdjustableClock;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The console's page, its security headers and the settings it reads before anyone signs in. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ConsoleApiTest {

    private final AdjustableClock clock;

    ConsoleApiTest(AdjustableClock clock) {
        this.clock = clock;
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void thePageForbidsInlineScriptsAndAllowsOnlyTheServicesItCalls() {
        Response page = given().redirects().follow(false).get("/console/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy)
                .contains("default-src 'none'")
                .contains("script-src 'self'")
                .contains("style-src 'self'")
                .contains("connect-src 'self' http://localhost:8084 http://localhost:8082")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.body().asString())
                .contains("<script type=\"module\" src=\"js/main.js\"></script>")
                .doesNotContain("<script>")
                .doesNotContain(" onclick=");

        given().get("/console/js/main.js")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void theBarePathLeadsToThePage() {
        given().redirects()
                .follow(false)
                .get("/console")
                .then()
                .statusCode(302)
                .header("Location", containsString("/console/"));
    }

    @Test
    void settingsTellTheServicesTheOfferTimeoutAndTheServersTimeWithoutAToken() {
        Instant serverTime = Instant.parse("2026-11-25T09:00:00Z");
        clock.travelTo(serverTime);

        Response settings = given().get("/console/settings");

        settings.then()
                .statusCode(200)
                .body("transcriptUrl", equalTo("http://localhost:8084"))
                .body("handoverUrl", equalTo("http://localhost:8082"))
                .body("demoSignIn", equalTo(false))
                .body("offerTimeoutSeconds", equalTo(600));
        Instant reported = Instant.parse(settings.jsonPath().getString("serverTime"));
        assertThat(Duration.between(serverTime, reported)).isBetween(Duration.ZERO, Duration.ofSeconds(5));
    }

    @Test
    void withoutDemoTokensThereIsNoDemoSignIn() {
        given().get("/console/demo-identities")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("demo sign-in is off"));
        given().post("/console/demo-identities/sam/token")
                .then()
                .statusCode(404)
                .body("detail", not(containsString("ey")));
    }
}
