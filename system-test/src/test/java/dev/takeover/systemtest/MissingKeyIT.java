package dev.takeover.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.takeover.infrastructure.FreePorts;
import dev.takeover.infrastructure.Infrastructure;
import dev.takeover.infrastructure.PlatformService;
import dev.takeover.infrastructure.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/** A deployed service without a readable key for bearer tokens refuses to start, and says why in one line. */
class MissingKeyIT {

    private static final Path WORK = Path.of("target/missing-key");
    private static Infrastructure infrastructure;

    @BeforeAll
    static void start() throws IOException {
        infrastructure = Infrastructure.start(0, 0, Files.createDirectories(WORK.resolve("jwt")));
    }

    @AfterAll
    static void stop() {
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "file:/nowhere/public.pem"})
    void theStartFailsWithOneLineNamingTheVariable(String keyLocation) throws IOException {
        Map<String, String> environment = new HashMap<>(infrastructure.serviceEnvironment(PlatformService.HANDOVER));
        if (keyLocation.isEmpty()) {
            environment.remove("JWT_PUBLIC_KEY_LOCATION");
        } else {
            environment.put("JWT_PUBLIC_KEY_LOCATION", keyLocation);
        }
        Path log = WORK.resolve("handover-" + (keyLocation.isEmpty() ? "unset" : "unreadable") + ".log");
        Path jar = Path.of(System.getProperty("takeover.repository", ".."))
                .resolve("handover-service/target/quarkus-app/quarkus-run.jar");
        try (ServiceProcess service = ServiceProcess.launch(
                "handover-service", jar, FreePorts.next(), environment, List.of("-Xmx256m"), log)) {
            OptionalInt exit = service.exitCodeWithin(Duration.ofSeconds(90));
            assertThat(exit).as("the service stops by itself").isPresent();
            assertThat(exit.getAsInt()).isNotZero();
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines)
                .filteredOn(line -> line.contains("JWT_PUBLIC_KEY_LOCATION"))
                .hasSize(1);
        assertThat(lines).noneMatch(line -> line.startsWith("\tat "));
    }
}
