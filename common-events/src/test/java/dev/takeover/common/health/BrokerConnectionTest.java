package dev.takeover.common.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerConnectionTest {

    @Test
    void byDefaultTheBrokerIsGivenAFewSecondsToAnswerWellUnderAProbesTimeout() {
        // Quarkus' own check waited out the admin client's 60 s API timeout while the broker was away.
        assertThat(Duration.parse(HealthConfig.DEFAULT_BROKER_TIMEOUT)).isLessThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theClusterIsDescribedWithTheDeadlineAndAnAnsweringBrokerIsReadyWithItsNodes() {
        List<Duration> deadlines = new ArrayList<>();
        BrokerConnection check = new BrokerConnection(
                deadline -> {
                    deadlines.add(deadline);
                    return KafkaFuture.completedFuture(List.of(new Node(1, "broker-1", 9092)));
                },
                Duration.ofSeconds(2));

        HealthCheckResponse response = check.call();

        assertThat(deadlines).containsExactly(Duration.ofSeconds(2));
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getName()).isEqualTo("Kafka connection health check");
        assertThat(response.getData().orElseThrow()).containsEntry("nodes", "broker-1:9092");
    }

    @Test
    void aBrokerThatDoesNotAnswerByTheDeadlineIsReportedDownWithTheReason() {
        BrokerConnection check = new BrokerConnection(
                deadline ->
                        failed(new TimeoutException("Timed out waiting for a node assignment. Call: describeCluster")),
                Duration.ofSeconds(2));

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow().get("reason").toString()).contains("Timed out");
    }

    @Test
    void anAdminClientThatCannotBeCreatedIsReportedDownInsteadOfFailingTheProbe() {
        BrokerConnection check = new BrokerConnection(
                deadline -> {
                    throw new IllegalStateException("No resolvable bootstrap urls given in bootstrap.servers");
                },
                Duration.ofSeconds(2));

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow().get("reason").toString()).contains("bootstrap");
    }

    private static KafkaFuture<Collection<Node>> failed(Throwable cause) {
        KafkaFutureImpl<Collection<Node>> future = new KafkaFutureImpl<>();
        future.completeExceptionally(cause);
        return future;
    }
}
