package dev.takeover.infrastructure;

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
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One packaged service running as its own JVM process, as in production, with its output in a log file. */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final ProcessBuilder builder;
    private final Process process;
    private final URI baseUri;
    private final Path log;

    private ServiceProcess(String name, ProcessBuilder builder, Process process, URI baseUri, Path log) {
        this.name = name;
        this.builder = builder;
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    /**
     * Starts {@code java -jar <jar>} with the environment (on top of this process's) and JVM options such as
     * {@code -Xmx384m} or {@code -Dsome.property=value}; the HTTP port goes in as {@code HTTP_PORT}.
     */
    public static ServiceProcess launch(
            String name, Path jar, int httpPort, Map<String, String> environment, List<String> jvmOptions, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the service first (./mvnw package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("HTTP_PORT", String.valueOf(httpPort));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new ServiceProcess(name, builder, builder.start(), URI.create("http://localhost:" + httpPort), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * The same service started again once this process has ended: same command, environment and port, its output
     * appended to the same log, as a supervisor restarts a crashed instance.
     */
    public ServiceProcess relaunch() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " still runs");
        }
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new ServiceProcess(name, builder, builder.start(), baseUri, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " again", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public URI baseUri() {
        return baseUri;
    }

    public Path log() {
        return log;
    }

    /** The operating system's id of the process, to read what it uses (its resident memory, say). */
    public long pid() {
        return process.pid();
    }

    /** Completes when the service reports itself ready (broker and database connected); fails if it exits first. */
    public CompletableFuture<ServiceProcess> ready(HttpClient http, ScheduledExecutorService scheduler) {
        CompletableFuture<ServiceProcess> ready = new CompletableFuture<>();
        HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Runnable poll = new Runnable() {
            @Override
            public void run() {
                if (ready.isDone()) {
                    return;
                }
                if (!process.isAlive()) {
                    ready.completeExceptionally(
                            new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log));
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

    /**
     * Waits until every one of these processes is ready. When one exits or the time is up, those not ready are killed
     * with their process trees before this fails: a service left running would hold its port, its consumer group
     * membership and a share of the machine long after the caller gave up on it.
     */
    public static void awaitReady(List<ServiceProcess> processes, Duration timeout) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<ServiceProcess>> readiness = new ArrayList<>();
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            processes.forEach(process -> readiness.add(process.ready(http, scheduler)));
            CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            killNotReady(processes, readiness);
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            List<String> late = killNotReady(processes, readiness);
            throw new IllegalStateException("not ready within " + timeout + ", killed: " + late);
        } catch (InterruptedException e) {
            killNotReady(processes, readiness);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for services", e);
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** Kills each process whose readiness has not completed; returns their names and logs. */
    private static List<String> killNotReady(
            List<ServiceProcess> processes, List<CompletableFuture<ServiceProcess>> readiness) {
        List<String> killed = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            boolean ready = i < readiness.size()
                    && readiness.get(i).isDone()
                    && !readiness.get(i).isCompletedExceptionally();
            if (!ready) {
                ServiceProcess process = processes.get(i);
                process.kill();
                killed.add(process.name + " (log " + process.log + ")");
            }
        }
        return killed;
    }

    public ServiceProcess awaitReady(Duration timeout) {
        awaitReady(List.of(this), timeout);
        return this;
    }

    /** SIGTERM, then SIGKILL after the grace period: the service leaves its consumer groups cleanly. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        awaitExit(grace);
    }

    /**
     * SIGKILL of the process and everything it started: no shutdown hooks and no last offset commit; whatever was in
     * flight dies with the process.
     */
    public void kill() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(STOP_GRACE);
        for (ProcessHandle descendant : tree) {
            try {
                descendant.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(name + "'s process " + descendant.pid() + " survived SIGKILL", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The exit code, once the process has ended on its own within the time given; empty while it still runs. */
    public OptionalInt exitCodeWithin(Duration patience) {
        try {
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)
                    ? OptionalInt.of(process.exitValue())
                    : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    private void awaitExit(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(STOP_GRACE);
    }
}
