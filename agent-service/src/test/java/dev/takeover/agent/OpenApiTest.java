package dev.takeover.agent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.infrastructure.testing.OpenApiContract;
import dev.takeover.infrastructure.testing.RealInfrastructure;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class OpenApiTest extends OpenApiContract {}
