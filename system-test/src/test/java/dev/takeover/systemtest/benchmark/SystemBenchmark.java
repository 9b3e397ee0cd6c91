package dev.takeover.systemtest.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import dev.takeover.infrastructure.FreePorts;
import dev.takeover.infrastructure.PlatformService;
import dev.takeover.localstack.Platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system benchmark of issue 10: the four packaged services as processes with the real broker and PostgreSQL,
 * beside a raw Kafka hop of the same run. Per number of instances it runs a burst of takeovers with 50 agents
 * online, then the rate ladder, then reads the services' resident memory; it writes a markdown report.
 *
 * <p>Not part of the normal build: {@code ./mvnw -pl system-test -am verify -Psystem-benchmark -DskipTests}. A short
 * run: {@code -Dbenchmark.rates=100,200 -Dbenchmark.instances=1 -Dbenchmark.burst=0}.
 */
class SystemBenchmark {

    private static final List<Integer> RATES = integers("benchmark.rates", "20,50,100,200,500,1000,2000");
    private static final List<Integer> INSTANCES = integers("benchmark.instances", "1,2");
    /** With spans exported over OTLP to a sink in this JVM, to measure what tracing costs; off by default, as shipped. */
    private static final boolean TRACING_EXPORT = Boolean.getBoolean("benchmark.tracing-export");

    private static final Duration RUNG = Duration.ofSeconds(Long.getLong("benchmark.rung-seconds", 20));
    /**
     * Long enough for the JIT: on two busy cores the services were still compiling hundreds of methods a minute ten
     * minutes after start, and a cold platform spends a rung's CPU on compiling what the rung measures.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warm-up-seconds", 120));

    private static final int WARM_UP_RATE = Integer.getInteger("benchmark.warm-up-rate", 20);
    private static final int BURST = Integer.getInteger("benchmark.burst", 1_000);
    static final Duration IDLE = Duration.ofSeconds(20);
    private static final int BURST_AGENTS = 50;
    private static final int LADDER_AGENTS = 100;
    private static final int LADDER_CAPACITY = 50;
    private static final Duration BURST_PATIENCE =
            Duration.ofSeconds(Long.getLong("benchmark.burst-patience-seconds", 240));
    /** This JVM: the embedded broker, and the producer and observer that drive and time the ladder. */
    private static final String BROKER_AND_DRIVER = "broker and driver";

    private static final List<PlatformService> SERVICES =
            List.of(PlatformService.BOT, PlatformService.HANDOVER, PlatformService.AGENT, PlatformService.TRANSCRIPT);

    private final Path repository = Path.of(System.getProperty("takeover.repository", ".."))
            .toAbsolutePath()
            .normalize();

    /** What one platform did: the hop, the burst, each rate, and the memory afterwards. */
    record Run(
            int instances,
            Percentiles hop,
            double hopLoad,
            Burst burst,
            List<Ladder.Rung> rungs,
            String stoppedBecause,
            Map<PlatformService, ResidentMemory> memory,
            Map<String, Double> idleCpuPercent,
            String tracing) {}

    record Burst(int takeovers, int assigned, double allAssignedSeconds, Percentiles assignment, double load) {}

    @Test
    void ladderBurstAndMemoryBesideARawKafkaHop() throws IOException {
        List<Run> runs = new ArrayList<>();
        Instant started = Instant.now();
        for (int instances : INSTANCES) {
            runs.add(run(instances));
        }
        String report = new Report(started, RUNG, runs).markdown();
        Path written = repository.resolve("system-test/target/system-benchmark.md");
        Files.createDirectories(written.getParent());
        Files.writeString(written, report);
        System.out.println(report);

        // The lowest rate is far below capacity: if even it loses messages, the platform or the benchmark is broken.
        for (Run run : runs) {
            assertThat(run.rungs()).isNotEmpty();
            assertThat(run.rungs().get(0).unanalysedAfterDrain())
                    .as(
                            "messages never analysed at %d msg/s",
                            run.rungs().get(0).rate())
                    .isZero();
        }
    }

    private Run run(int instances) throws IOException {
        try (OtlpSink sink = TRACING_EXPORT ? new OtlpSink() : null) {
            return run(instances, sink);
        }
    }

    private Run run(int instances, OtlpSink sink) {
        Map<String, String> environment = new HashMap<>();
        // Assignment is the routing decision itself: no one clicks accept in a benchmark.
        environment.put("TAKEOVER_ROUTING_OFFER_AUTO_ACCEPT", "true");
        if (sink != null) {
            environment.put("TAKEOVER_TRACING_EXPORT", "true");
            environment.put("TAKEOVER_TRACING_OTLP_ENDPOINT", sink.endpoint());
        }
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, FreePorts.next());
        }
        Platform.Settings settings = new Platform.Settings(
                repository,
                repository.resolve("system-test/target/benchmark-platform-" + instances),
                instances,
                0,
                0,
                ports,
                environment,
                Duration.ofMinutes(10));
        try (Platform platform = Platform.start(settings);
                Observer observer = new Observer(platform.kafkaBootstrapServers());
                RawHop hop = new RawHop(platform.kafkaBootstrapServers());
                Ladder ladder = new Ladder(platform.kafkaBootstrapServers(), observer, hop, cpuTime(platform))) {
            // The warm-up's requests for a person get agents of their own, who then go away holding them: otherwise
            // they would wait in the queue, keep the timers busy while idle CPU is measured, and be the burst's first.
            List<String> warmUpAgents = registerOnlineAgents(platform, "warm-up", LADDER_AGENTS / 10, LADDER_CAPACITY);
            warmUp(ladder);
            changePresence(platform, warmUpAgents, "AWAY");
            Map<String, Double> idleCpu = idleCpuPercent(cpuTime(platform));
            Percentiles idleHop = Percentiles.ofNanos(hop.measure(300, Duration.ofMillis(5)));
            double hopLoad = LoadAverage.oneMinute();
            System.out.printf("%d instance(s): raw hop p50 %.2f ms at load %.1f%n", instances, idleHop.p50(), hopLoad);
            Burst burst = BURST > 0 ? burst(platform, ladder, observer) : null;
            if (burst != null) {
                System.out.printf(
                        "%d instance(s): burst %d of %d assigned within %.1f s%n",
                        instances, burst.assigned(), burst.takeovers(), burst.allAssignedSeconds());
            }
            registerOnlineAgents(platform, "ladder", LADDER_AGENTS, LADDER_CAPACITY);
            List<Ladder.Rung> rungs = new ArrayList<>();
            String stoppedBecause = null;
            for (int rate : RATES) {
                Ladder.Rung rung = ladder.run("i" + instances + "-r" + rate, rate, RUNG);
                rungs.add(rung);
                System.out.printf(
                        "%d instance(s), %d msg/s: analysis p50 %.0f ms, p99 %.0f ms, %d of %d unanalysed, load %.1f%n",
                        instances,
                        rate,
                        rung.analysis().p50(),
                        rung.analysis().p99(),
                        rung.unanalysedAtEnd(),
                        rung.sent(),
                        rung.loadAverage());
                if (rung.clearlyUnsustainable() && rate != RATES.get(RATES.size() - 1)) {
                    stoppedBecause = String.format(
                            "stopped after %d msg/s: %d of %d messages were unanalysed when it ended (analysis p50 %.0f"
                                    + " ms); a higher rate can only be worse",
                            rate,
                            rung.unanalysedAtEnd(),
                            rung.sent(),
                            rung.analysis().p50());
                    break;
                }
            }
            Map<PlatformService, ResidentMemory> memory = new EnumMap<>(PlatformService.class);
            for (PlatformService service : SERVICES) {
                memory.put(
                        service,
                        platform.pids(service).stream()
                                .map(ResidentMemory::of)
                                .reduce(new ResidentMemory(0, 0), ResidentMemory::plus));
            }
            return new Run(
                    instances,
                    idleHop,
                    hopLoad,
                    burst,
                    rungs,
                    stoppedBecause,
                    memory,
                    idleCpu,
                    sink == null
                            ? "off (as shipped)"
                            : String.format(
                                    "exported over OTLP/HTTP to a sink in the benchmark's JVM, every span sampled"
                                            + " (%d exports, %.1f MiB)",
                                    sink.exports(), sink.bytes() / 1048576.0));
        }
    }

    private static CpuTime cpuTime(Platform platform) {
        Map<String, Supplier<List<Long>>> parts = new LinkedHashMap<>();
        for (PlatformService service : SERVICES) {
            parts.put(service.serviceName(), () -> platform.pids(service));
        }
        parts.put("postgresql", () -> CpuTime.postgres(platform.postgresPort()));
        parts.put(BROKER_AND_DRIVER, () -> List.of(ProcessHandle.current().pid()));
        return new CpuTime(parts);
    }

    /** What the platform burns with nothing to do (polls, timers, metrics), in percent of one core. */
    private static Map<String, Double> idleCpuPercent(CpuTime cpu) {
        Map<String, Double> before = cpu.seconds();
        long start = System.nanoTime();
        LockSupport.parkNanos(IDLE.toNanos());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> percent = new LinkedHashMap<>();
        cpu.seconds().forEach((part, used) -> percent.put(part, (used - before.get(part)) * 100 / seconds));
        return percent;
    }

    /** The first minutes load the models, open the connections and compile the hot paths: not what the ladder measures. */
    private static void warmUp(Ladder ladder) {
        ladder.run("warm-up", WARM_UP_RATE, WARM_UP);
    }

    private static Burst burst(Platform platform, Ladder ladder, Observer observer) {
        registerOnlineAgents(platform, "burst", BURST_AGENTS, BURST / BURST_AGENTS);
        List<Ladder.Sent> sent = ladder.burst("burst", BURST);
        Ladder.waitUpTo(
                BURST_PATIENCE,
                () -> sent.stream().allMatch(message -> observer.assignedAt(message.conversationId()) != null));
        double load = LoadAverage.oneMinute();
        long first = sent.stream().mapToLong(Ladder.Sent::sentAt).min().orElseThrow();
        List<Long> assignment = new ArrayList<>();
        long last = first;
        for (Ladder.Sent message : sent) {
            Long at = observer.assignedAt(message.conversationId());
            if (at != null) {
                assignment.add(at - message.sentAt());
                last = Math.max(last, at);
            }
        }
        return new Burst(
                sent.size(), assignment.size(), (last - first) / 1000.0, Percentiles.ofMillis(assignment), load);
    }

    private static List<String> registerOnlineAgents(Platform platform, String prefix, int count, int capacity) {
        String agentService = platform.baseUri(PlatformService.AGENT).toString();
        String supervisor = platform.tokens().supervisorToken("sam");
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String agent = prefix + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            given().header("Authorization", "Bearer " + supervisor)
                    .baseUri(agentService)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "id",
                            agent,
                            "displayName",
                            "Agent " + i,
                            "skills",
                            List.of(),
                            "languages",
                            List.of("en", "de"),
                            "capacity",
                            capacity))
                    .post("/agents")
                    .then()
                    .statusCode(201);
            agents.add(agent);
        }
        changePresence(platform, agents, "ONLINE");
        return agents;
    }

    private static void changePresence(Platform platform, List<String> agents, String presence) {
        for (String agent : agents) {
            given().header("Authorization", "Bearer " + platform.tokens().agentToken(agent))
                    .baseUri(platform.baseUri(PlatformService.AGENT).toString())
                    .contentType(ContentType.JSON)
                    .body(Map.of("presence", presence))
                    .put("/agents/" + agent + "/presence")
                    .then()
                    .statusCode(200);
        }
    }

    private static List<Integer> integers(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }
}
