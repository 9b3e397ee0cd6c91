package dev.takeover.infrastructure.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's API documentation must hold: each service's {@code OpenApiTest} is this body on its own
 * running service ({@code @QuarkusTest} with its test resource).
 */
public abstract class OpenApiContract {

    @Test
    void everyOperationIsDocumentedByTheRecommendedRules() {
        String document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(OpenApiRules.violations(document)).isEmpty();
        assertThat(document).contains("\"bearer\"").contains("application/problem+json");
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void theEventContractIsServedBesideIt() {
        String document =
                given().get("/asyncapi.yaml").then().statusCode(200).extract().asString();

        assertThat(document).startsWith("# The public event contract").contains("asyncapi: 3.0.0");
    }
}
