package dev.takeover.common.health;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;

/**
 * Ready only while the broker answers, within a deadline of our own. Quarkus' own Kafka check (switched off,
 * {@code quarkus.kafka.health.enabled=false}) waits out its admin client's default API timeout of 60 s while the broker
 * is away, so a probe got no answer at all for a minute; the channels' own checks count open connections and stay up.
 */
@Readiness
@ApplicationScoped
public class BrokerConnection implements HealthCheck {

    /** The name Quarkus' check had, so that probes and dashboards reading it keep working. */
    static final String NAME = "Kafka connection health check";

    private final Function<Duration, KafkaFuture<Collection<Node>>> describeCluster;
    private final Duration timeout;
    private Admin admin;

    @Inject
    BrokerConnection(@Identifier("default-kafka-broker") Map<String, Object> kafka, HealthConfig config) {
        this.timeout = config.brokerTimeout();
        this.describeCluster = deadline -> admin(kafka)
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) deadline.toMillis()))
                .nodes();
    }

    /** For tests: how the cluster is described, given the deadline. */
    BrokerConnection(Function<Duration, KafkaFuture<Collection<Node>>> describeCluster, Duration timeout) {
        this.describeCluster = describeCluster;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Collection<Node> nodes = describeCluster
                    .apply(timeout)
                    // The admin client fails the call at its deadline; this only guards against it not doing so.
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData(
                            "nodes",
                            nodes.stream()
                                    .map(node -> node.host() + ":" + node.port())
                                    .collect(Collectors.joining(",")))
                    .build();
        } catch (ExecutionException e) {
            return down(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return down("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (RuntimeException e) {
            return down(String.valueOf(e.getMessage()));
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }

    /**
     * Created on first use, from the connection settings every client shares ({@code kafka.*}); its own timeouts are
     * the deadline, for the admin client refuses an API timeout below its request timeout.
     */
    private synchronized Admin admin(Map<String, Object> kafka) {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>();
            kafka.forEach((name, value) -> {
                if (AdminClientConfig.configNames().contains(name)) {
                    settings.put(name, value);
                }
            });
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness");
            admin = Admin.create(settings);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
