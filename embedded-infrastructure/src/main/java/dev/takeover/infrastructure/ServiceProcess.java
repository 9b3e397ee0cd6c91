package dev.takeover.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.takeover.infrastructure.PlatformService;

/** One packaged service running as its own JVM process, with its output in a log file. */
final class ServiceProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final PlatformService service;
    private final Process process;
    private final URI baseUri;
    private final Path log;

    private ServiceProcess(PlatformService service, Process process, URI baseUri, Path log) {
        this.service = service;
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    static ServiceProcess launch(
            PlatformService service, Path jar, int httpPort, Map<String, String> environment, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("HTTP_PORT", String.valueOf(httpPort));
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(service, builder.start(), URI.create("http://localhost:" + httpPort), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.serviceName(), e);
        }
    }

    PlatformService service() {
        return service;
    }

    URI baseUri() {
        return baseUri;
    }

    Path log() {
        return log;
    }

    /** Completes when the service reports itself ready (broker and database connected); fails if it exits first. */
    CompletableFuture<ServiceProcess> ready(HttpClient http, ScheduledExecutorService scheduler) {
        CompletableFuture<ServiceProcess> ready = new CompletableFuture<>();
        HttpRequest health =
                HttpRequest.newBuilder(baseUri.resolve("/q/health/ready")).GET().build();
        Runnable poll = new Runnable() {
            @Override
            public void run() {
                if (ready.isDone()) {
                    return;
                }
                if (!process.isAlive()) {
                    ready.completeExceptionally(new IllegalStateException(
                            service.serviceName() + " exited with " + process.exitValue() + "; see " + log));
                    return;
                }
                http.sendAsync(health, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    if (failure == null && response.statusCode() == 200) {
                        ready.complete(ServiceProcess.this);
                    } else {
                        scheduler.schedule(this, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
            }
        };
        scheduler.execute(poll);
        return ready;
    }

    /** Asks the service to shut down cleanly, and insists after the grace period. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
