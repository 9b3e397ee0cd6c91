package dev.takeover.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.takeover.infrastructure.KafkaBroker;
import dev.takeover.infrastructure.PlatformService;
import dev.takeover.infrastructure.PostgresServer;
import dev.takeover.infrastructure.TokenIssuer;

/**
 * The whole platform on one machine: a real Kafka broker and a real PostgreSQL in this JVM, and the four packaged
 * services as separate processes, each with its own database. Used by the local stack and by the system test.
 */
public final class Platform implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final TokenIssuer tokens;
    private final Set<String> topics;
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

    private Platform(PostgresServer postgres, KafkaBroker kafka, TokenIssuer tokens, Set<String> topics) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.tokens = tokens;
        this.topics = topics;
    }

    public static Platform start(Settings settings) {
        PostgresServer postgres = PostgresServer.start(settings.postgresPort());
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(settings.kafkaPort());
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        Platform platform = new Platform(
                postgres, kafka, TokenIssuer.generate(), kafka.createTopics(PlatformService.serviceNames()));
        try {
            platform.launchServices(settings);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void launchServices(Settings settings) {
        Path publicKey = tokens.writePublicKey(settings.workDirectory().resolve("jwt/public.pem"));
        for (PlatformService service : PlatformService.values()) {
            postgres.createDatabase(service.database());
            Map<String, String> environment = new HashMap<>();
            environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            environment.put("DATABASE_URL", postgres.jdbcUrl(service.database()));
            environment.put("DATABASE_USER", PostgresServer.USER);
            environment.put("DATABASE_PASSWORD", "");
            environment.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
            environment.put("JWT_ISSUER", TokenIssuer.ISSUER);
            environment.putAll(settings.serviceEnvironment());
            Path jar =
                    settings.repository().resolve(service.serviceName()).resolve("target/quarkus-app/quarkus-run.jar");
            Path log = settings.workDirectory().resolve("logs").resolve(service.serviceName() + ".log");
            services.put(
                    service,
                    ServiceProcess.launch(service, jar, settings.httpPorts().get(service), environment, log));
        }
        awaitReady(settings.readyTimeout());
    }

    private void awaitReady(Duration timeout) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            CompletableFuture.allOf(services.values().stream()
                            .map(process -> process.ready(http, scheduler))
                            .toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("services not ready within " + timeout + "; see the logs in "
                    + services.values().iterator().next().log().getParent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the services", e);
        } finally {
            scheduler.shutdownNow();
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Set<String> topics() {
        return topics;
    }

    public int postgresPort() {
        return postgres.port();
    }

    public URI baseUri(PlatformService service) {
        return services.get(service).baseUri();
    }

    public Path log(PlatformService service) {
        return services.get(service).log();
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    /** Stops the services first (they flush their outboxes and commit offsets), then the broker and the database. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = services.values().stream()
                .map(process -> CompletableFuture.runAsync(() -> process.stop(STOP_GRACE)))
                .toList();
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        kafka.close();
        postgres.close();
    }
}
