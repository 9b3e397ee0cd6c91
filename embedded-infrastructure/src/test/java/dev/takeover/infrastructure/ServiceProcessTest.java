package dev.takeover.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ServiceProcessTest {

    @Test
    void aServiceThatIsNotReadyInTimeIsKilledWithItsChildren(@TempDir Path directory) throws IOException {
        ServiceProcess service = ServiceProcess.launch(
                "never-ready",
                jarOf(NeverReady.class, directory.resolve("never-ready.jar")),
                FreePorts.next(),
                Map.of(),
                List.of("-Xmx32m"),
                directory.resolve("never-ready.log"));
        ProcessHandle child = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> ProcessHandle.of(service.pid())
                                .flatMap(process -> process.children().findFirst())
                                .orElse(null),
                        found -> found != null);

        try {
            // No time at all: the service has not answered, so this fails at once instead of waiting out a timeout.
            assertThatThrownBy(() -> service.awaitReady(Duration.ZERO))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not ready within")
                    .hasMessageContaining("never-ready");

            assertThat(service.isAlive()).as("the service").isFalse();
            assertThat(child.isAlive()).as("the process it started").isFalse();
        } finally {
            // Whatever the outcome, this test leaves nothing running.
            child.destroyForcibly();
            service.kill();
        }
    }

    /** A runnable jar of one class, as {@code java -jar} starts a packaged service. */
    private static Path jarOf(Class<?> main, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        String entry = main.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream bytes = main.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
