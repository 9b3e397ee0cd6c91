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
    /**
     * The JVM's initial heap is otherwise 1/64 of the machine's memory (384 MB on 24 GiB), so each service held a
     * heap of that size from its start and the four services 1.9 GB resident; starting at 64 MB and growing as needed
     * cut that by a fifth (system-test/benchmarks/REPORT.md, session 7).
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC");

    private final Infrastructure infrastructure;
    private final Settings settings;
    private final Map<PlatformService, List<ServiceProcess>> services = new EnumMap<>(PlatformService.class);
    /** Instances ever launched per service, so that each gets a name and a log of its own. */
    private final Map<PlatformService, Integer> launched = new EnumMap<>(PlatformService.class);

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

    private Platform(Infrastructure infrastructure, Settings settings) {
        this.infrastructure = infrastructure;
        this.settings = settings;
    }

    public static Platform start(Settings settings) {
        Platform platform = new Platform(
                Infrastructure.start(
                        settings.kafkaPort(),
                        settings.postgresPort(),
                        settings.workDirectory().resolve("jwt")),
                settings);
        try {
            platform.launchServices();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void launchServices() {
        for (PlatformService service : PlatformService.values()) {
            List<ServiceProcess> instances = new ArrayList<>();
            services.put(service, instances);
            for (int instance = 1; instance <= settings.instancesPerService(); instance++) {
                instances.add(launch(service));
            }
        }
        ServiceProcess.awaitReady(
                services.values().stream().flatMap(List::stream).toList(), settings.readyTimeout());
    }

    private ServiceProcess launch(PlatformService service) {
        int number = launched.merge(service, 1, Integer::sum);
        String name = service.serviceName() + (number == 1 ? "" : "-" + number);
        Map<String, String> environment = infrastructure.serviceEnvironment(service);
        // A stable name per instance, as a StatefulSet's pod name: a relaunched instance is the same member.
        environment.put("TAKEOVER_INSTANCE_ID", name);
        environment.putAll(settings.serviceEnvironment());
        return ServiceProcess.launch(
                name,
                settings.repository().resolve(service.serviceName()).resolve("target/quarkus-app/quarkus-run.jar"),
                number == 1 ? settings.httpPorts().get(service) : FreePorts.next(),
                environment,
                JVM_OPTIONS,
                settings.workDirectory().resolve("logs").resolve(name + ".log"));
    }

    /**
     * Starts one more instance of the service, as scaling out does: a name, a port and a log of its own, in the same
     * consumer groups as the others. Returns its index without waiting for it to be ready.
     */
    public int addInstance(PlatformService service) {
        List<ServiceProcess> instances = services.get(service);
        instances.add(launch(service));
        return instances.size() - 1;
    }

    /**
     * Takes an instance out of the platform, as scaling in does: stopped first (SIGTERM) if it still runs, a killed
     * one is simply forgotten. The instances after it move up one index.
     */
    public void removeInstance(PlatformService service, int instance) {
        services.get(service).remove(instance).stop(STOP_GRACE);
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

    /** kill -9 of one instance (0 is the first): no shutdown hooks, no leave request, no last offset commit. */
    public void kill(PlatformService service, int instance) {
        services.get(service).get(instance).kill();
    }

    /** Starts a killed or stopped instance again, as the same member on the same port; returns without waiting. */
    public void relaunch(PlatformService service, int instance) {
        List<ServiceProcess> instances = services.get(service);
        instances.set(instance, instances.get(instance).relaunch());
    }

    /** The instance as it is now: a relaunched instance is a new process. */
    public ServiceProcess instance(PlatformService service, int instance) {
        return services.get(service).get(instance);
    }

    /** Stops the broker, as an outage would; the services keep running and reconnect once it is started again. */
    public void stopBroker() {
        infrastructure.kafka().stop();
    }

    /** The stopped broker again, on the same port with its topics, offsets and groups. */
    public void startBroker() {
        infrastructure.kafka().start();
    }

    /** Stops PostgreSQL (open connections are cut); the services keep running. */
    public void stopPostgres() {
        infrastructure.postgres().stop();
    }

    /** The stopped PostgreSQL again, on the same port with its data. */
    public void startPostgres() {
        infrastructure.postgres().start();
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
