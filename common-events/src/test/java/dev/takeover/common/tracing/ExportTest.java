package dev.takeover.common.tracing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The exporter as configured: off, nothing is sent; on, spans go over OTLP/HTTP to the configured endpoint. */
class ExportTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body.length);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void withExportOnSpansReachTheCollectorOverOtlpHttp() {
        Tracing tracing = new Tracing(config(true), "test-service");
        String traceparent = tracing.inNewTrace("test", Tracing::current);
        tracing.close();

        assertThat(Tracing.parse(traceparent).isSampled()).isTrue();
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).startsWith("POST application/x-protobuf ");
    }

    @Test
    void withExportOffNothingIsSentYetTraceContextIsMade() {
        Tracing tracing = new Tracing(config(false), "test-service");
        String traceparent = tracing.inNewTrace("test", Tracing::current);
        tracing.close();

        assertThat(Tracing.traceIdOf(traceparent)).isNotNull();
        assertThat(Tracing.parse(traceparent).isSampled()).isFalse();
        assertThat(received).isEmpty();
    }

    private TracingConfig config(boolean export) {
        String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
        return new TracingConfig() {
            @Override
            public boolean export() {
                return export;
            }

            @Override
            public String otlpEndpoint() {
                return endpoint;
            }

            @Override
            public double sampleRatio() {
                return 1.0;
            }
        };
    }
}
