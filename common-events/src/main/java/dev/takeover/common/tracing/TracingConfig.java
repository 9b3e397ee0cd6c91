package dev.takeover.common.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where spans go. Trace context is propagated and logged whatever this says; only the export is switched.
 *
 * <p>{@code TAKEOVER_TRACING_EXPORT=true} sends spans over OTLP/HTTP (protobuf) to
 * {@code TAKEOVER_TRACING_OTLP_ENDPOINT}; off, no span is recorded and nothing leaves the process.
 */
@ConfigMapping(prefix = "takeover.tracing")
public interface TracingConfig {

    @WithDefault("false")
    boolean export();

    /** The collector's traces endpoint, OTLP over HTTP. */
    @WithDefault("http://localhost:4318/v1/traces")
    String otlpEndpoint();

    /** The share of new traces recorded while exporting; a trace that came with a parent follows its decision. */
    @WithDefault("1.0")
    double sampleRatio();
}
