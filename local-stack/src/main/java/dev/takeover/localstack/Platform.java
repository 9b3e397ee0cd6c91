package dev.takeover.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.takeover.infrastructure.FreePorts;
import dev.takeover.infrastructure.Infrastructure;
import dev.takeover.infrastructure.PlatformService;
import dev.takeover.infrastructure.ServiceProcess;
import dev.takeover.infrastructure.TokenIssuer;

/**
 * The whole platform on one machine: a real Kafka broker and a real PostgreSQL in this JVM, and the four packaged
 * services and the web chat adapter as separate processes, each with its own database. Used by the local stack and by
 * the system test.
 */
public final class Platform implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private final Infrastructure infrastructure;
    private final Map<PlatformService, List<ServiceProcess>> services = new EnumMap<>(PlatformService.class);

    /**
     * Where to find the packaged services, how many instances of each to run, which ports to use (0 picks a free one
     * for the broker and the database; instances after the first always get a free port), and any extra environment
     * for the services.
     */
    public record Settings(
            Path repository,
            Path workDirectory,
            int instancesPerService,
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
            List<ServiceProcess> instances = new ArrayList<>();
            for (int instance = 1; instance <= settings.instancesPerService(); instance++) {
                String name = service.serviceName() + (instance == 1 ? "" : "-" + instance);
                instances.add(ServiceProcess.launch(
                        name,
                        settings.repository()
                                .resolve(service.serviceName())
                                .resolve("target/quarkus-app/quarkus-run.jar"),
                        instance == 1 ? settings.httpPorts().get(service) : FreePorts.next(),
                        environment,
                        JVM_OPTIONS,
                        settings.workDirectory().resolve("logs").resolve(name + ".log")));
            }
            services.put(service, instances);
        }
        ServiceProcess.awaitReady(
                services.values().stream().flatMap(List::stream).toList(), settings.readyTimeout());
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

    /** The first instance of the service. */
    public URI baseUri(PlatformService service) {
        return services.get(service).get(0).baseUri();
    }

    /** Every instance of the service. */
    public List<URI> baseUris(PlatformService service) {
        return services.get(service).stream().map(ServiceProcess::baseUri).toList();
    }

    /** The process ids of every instance of the service. */
    public List<Long> pids(PlatformService service) {
        return services.get(service).stream().map(ServiceProcess::pid).toList();
    }

    public Path log(PlatformService service) {
        return services.get(service).get(0).log();
    }

    public TokenIssuer tokens() {
        return infrastructure.tokens();
    }

    /** Stops the services first (they flush their outboxes and commit offsets), then the broker and the database. */
    @Override
    public void close() {
        CompletableFuture.allOf(services.values().stream()
                        .flatMap(List::stream)
                        .map(process -> CompletableFuture.runAsync(() -> process.stop(STOP_GRACE)))
                        .toArray(CompletableFuture[]::new))
                .join();
        infrastructure.close();
    }
}
