package dev.takeover.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.takeover.infrastructure.Infrastructure;
import dev.takeover.infrastructure.PlatformService;
import dev.takeover.infrastructure.ServiceProcess;
import dev.takeover.infrastructure.TokenIssuer;

/**
 * The whole platform on one machine: a real Kafka broker and a real PostgreSQL in this JVM, and the four packaged
 * services as separate processes, each with its own database. Used by the local stack and by the system test.
 */
public final class Platform implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private final Infrastructure infrastructure;
    private final Map<PlatformService, ServiceProcess> services = new EnumMap<>(PlatformService.class);

    /**
     * Where to find the packaged services, which ports to use (0 picks a free one for the broker and the database),
     * and any extra environment for the services.
     */
    public record Settings(
            Path repository,
            Path workDirectory,
            int kafkaPort,
            int postgresPort,
            Map<PlatformService, Integer> httpPorts,
            Map<String, String> serviceEnvironment,
            Duration readyTimeout) {}

    private Platform(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    public static Platform start(Settings settings) {
        Platform platform = new Platform(Infrastructure.start(
                settings.kafkaPort(),
                settings.postgresPort(),
                settings.workDirectory().resolve("jwt")));
        try {
            platform.launchServices(settings);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void launchServices(Settings settings) {
        for (PlatformService service : PlatformService.values()) {
            Map<String, String> environment = infrastructure.serviceEnvironment(service);
            environment.putAll(settings.serviceEnvironment());
            services.put(
                    service,
                    ServiceProcess.launch(
                            service.serviceName(),
                            settings.repository()
                                    .resolve(service.serviceName())
                                    .resolve("target/quarkus-app/quarkus-run.jar"),
                            settings.httpPorts().get(service),
                            environment,
                            JVM_OPTIONS,
                            settings.workDirectory().resolve("logs").resolve(service.serviceName() + ".log")));
        }
        ServiceProcess.awaitReady(List.copyOf(services.values()), settings.readyTimeout());
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafka().bootstrapServers();
    }

    public Set<String> topics() {
        return infrastructure.topics();
    }

    public int postgresPort() {
        return infrastructure.postgres().port();
    }

    public URI baseUri(PlatformService service) {
        return services.get(service).baseUri();
    }

    public Path log(PlatformService service) {
        return services.get(service).log();
    }

    public TokenIssuer tokens() {
        return infrastructure.tokens();
    }

    /** Stops the services first (they flush their outboxes and commit offsets), then the broker and the database. */
    @Override
    public void close() {
        CompletableFuture.allOf(services.values().stream()
                        .map(process -> CompletableFuture.runAsync(() -> process.stop(STOP_GRACE)))
                        .toArray(CompletableFuture[]::new))
                .join();
        infrastructure.close();
    }
}
