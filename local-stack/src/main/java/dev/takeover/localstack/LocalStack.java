package dev.takeover.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.takeover.infrastructure.PlatformService;

/**
 * {@code ./run-local.sh}: starts the platform on this machine, registers demo agents with tokens, prints where
 * everything is, and stops it all on Ctrl-C.
 */
public final class LocalStack {

    private static final int KAFKA_PORT = 9092;
    private static final int POSTGRES_PORT = 15432;

    private LocalStack() {}

    public static void main(String[] args) throws InterruptedException {
        List<String> options = Arrays.asList(args);
        Path repository = Path.of("").toAbsolutePath();
        Path work = repository.resolve("local-stack/target/run");
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, service.defaultHttpPort());
        }

        long started = System.nanoTime();
        System.out.println("Starting Kafka, PostgreSQL, the four services and the web chat (logs in "
                + work.resolve("logs") + ") ...");
        Platform platform = Platform.start(new Platform.Settings(
                repository, work, 1, KAFKA_PORT, POSTGRES_PORT, ports, Map.of(), Duration.ofMinutes(3)));
        Duration startup = Duration.ofNanos(System.nanoTime() - started);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, Kafka and PostgreSQL ...");
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }));

        Map<String, Path> tokens = options.contains("--no-demo-agents") ? Map.of() : registerDemoAgents(platform, work);
        printWhereEverythingIs(platform, startup, tokens);
        stopped.await();
    }

    /** Registers the demo agents through agent-service's API, as a supervisor would, and sets them online. */
    private static Map<String, Path> registerDemoAgents(Platform platform, Path work) {
        DemoTokens demo = new DemoTokens(platform.tokens(), work.resolve("tokens"));
        HttpClient http = HttpClient.newHttpClient();
        URI agents = platform.baseUri(PlatformService.AGENT);
        for (DemoTokens.DemoAgent agent : DemoTokens.AGENTS) {
            String registration = String.format(
                    "{\"id\":\"%s\",\"displayName\":\"%s\",\"skills\":%s,\"languages\":%s,\"capacity\":3}",
                    agent.id(), agent.name(), json(agent.skills()), json(agent.languages()));
            send(
                    http,
                    demo.supervisorToken(),
                    HttpRequest.newBuilder(agents.resolve("/agents"))
                            .POST(HttpRequest.BodyPublishers.ofString(registration)));
            send(
                    http,
                    demo.agentToken(agent),
                    HttpRequest.newBuilder(agents.resolve("/agents/" + agent.id() + "/presence"))
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"presence\":\"ONLINE\"}")));
        }
        return demo.writeTokens();
    }

    private static void send(HttpClient http, String token, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(
                    request.header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("demo setup failed: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(List<String> values) {
        return values.stream()
                .map(value -> "\"" + value + "\"")
                .toList()
                .toString()
                .replace(" ", "");
    }

    private static void printWhereEverythingIs(Platform platform, Duration startup, Map<String, Path> tokens) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "%nTakeover platform is up (started in %.1f s). Ctrl-C stops everything.%n%n",
                startup.toMillis() / 1000.0));
        out.append(String.format("  %-19s %s%n", "Kafka (KRaft)", platform.kafkaBootstrapServers()));
        out.append(String.format("  %-19s %s%n", "topics", String.join(", ", platform.topics())));
        out.append(String.format(
                "  %-19s localhost:%d  user postgres, no password; databases %s%n%n",
                "PostgreSQL",
                platform.postgresPort(),
                String.join(
                        ", ",
                        Arrays.stream(PlatformService.values())
                                .map(PlatformService::database)
                                .toList())));
        out.append(String.format("  %-19s %-24s %s%n", "service", "HTTP", "health (live / ready)"));
        for (PlatformService service : PlatformService.values()) {
            URI base = platform.baseUri(service);
            out.append(String.format(
                    "  %-19s %-24s %s/q/health/live  %s/q/health/ready%n", service.serviceName(), base, base, base));
        }
        out.append(String.format(
                "%n  logs                %s%n",
                platform.log(PlatformService.BOT).getParent()));
        if (!tokens.isEmpty()) {
            out.append(String.format(
                    "%nDemo agents anna (de, en) and ben (en) are registered and online; sam is a supervisor.%n"));
            out.append(String.format("Bearer tokens (valid 12 h):%n"));
            tokens.forEach((agent, file) ->
                    out.append(String.format("  export %s_TOKEN=$(cat %s)%n", agent.toUpperCase(Locale.ROOT), file)));
        }
        out.append(String.format(
                "%nChat as a customer: open %s/ (a demo shop; the chat button is at the bottom right).%n",
                platform.baseUri(PlatformService.WEB_CHAT)));
        out.append(String.format("%nOr as a channel adapter would (see README.md):%n"));
        out.append(String.format(
                "  echo '{\"messageId\":\"m1\",\"conversationId\":\"demo-1\",\"channel\":\"web\",\"text\":\"I want to talk to a human\"}' \\%n"
                        + "    | kcat -P -b %s -t conversation.inbound -k demo-1%n",
                platform.kafkaBootstrapServers()));
        System.out.print(out);
    }
}
