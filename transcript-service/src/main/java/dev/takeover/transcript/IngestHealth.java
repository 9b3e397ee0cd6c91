package dev.takeover.transcript;

import java.util.concurrent.atomic.AtomicInteger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while batches keep failing to be stored: the log is falling behind and an operator should know. */
// @Default as well: the ingest reports to it, the health endpoint reads it.
@Readiness
@Default
@ApplicationScoped
public class IngestHealth implements HealthCheck {

    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final TranscriptConfig config;

    IngestHealth(TranscriptConfig config) {
        this.config = config;
    }

    void succeeded() {
        failuresInARow.set(0);
    }

    void failed(int attempt) {
        failuresInARow.set(attempt);
    }

    @Override
    public HealthCheckResponse call() {
        int failures = failuresInARow.get();
        return HealthCheckResponse.named("conversation-log ingest")
                .status(failures < config.ingest().failuresBeforeNotReady())
                .withData("failedAttemptsInARow", failures)
                .build();
    }
}
