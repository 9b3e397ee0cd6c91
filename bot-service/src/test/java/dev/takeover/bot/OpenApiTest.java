package dev.takeover.bot;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.infrastructure.testing.OpenApiRules;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OpenApiTest {

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
