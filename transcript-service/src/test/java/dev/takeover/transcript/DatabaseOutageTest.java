package dev.takeover.transcript;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DatabaseOutageTest extends LogTestSupport {

    @Test
    void whileTheDatabaseFailsTheBatchWaitsReportsNotReadyAndIsStoredOnceItRecovers() throws SQLException {
        // Every batch with a customer message reads this table: without it, storing fails, not for the data's sake.
        execute("alter table customer_erasure rename to customer_erasure_unavailable");
        try {
            send(plain(customerSays("m1", "Is anyone there?", start)));
            await().atMost(PATIENCE).until(() -> given().get("/q/health/ready").statusCode() == 503);
            given().get("/q/health/ready")
                    .then()
                    .body("checks.find { it.name == 'consuming' }.status", equalTo("DOWN"));
            assertThat(entries(conversation)).isZero();
        } finally {
            execute("alter table customer_erasure_unavailable rename to customer_erasure");
        }

        await().atMost(PATIENCE).until(() -> entries(conversation) == 1);
        await().atMost(PATIENCE).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
