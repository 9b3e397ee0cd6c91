package dev.takeover.common.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import static org.assertj.core.api.Assertions.assertThat;

class TracingTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-00";

    /** As a service runs it by default: ids and propagation, no export. */
    static final Tracing TRACING = new Tracing(SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(Sampler.alwaysOff()))
            .build());

    @Test
    void aRecordIsHandledInTheTraceItsHeaderNamesInASpanOfItsOwn() {
        Span span = TRACING.startHandling(record(PARENT));

        assertThat(span.getSpanContext().getTraceId()).isEqualTo(TRACE_ID);
        assertThat(span.getSpanContext().getSpanId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(span.getSpanContext().isValid()).isTrue();
    }

    @Test
    void aRecordWithoutATraceparentStartsANewTraceAndSoDoesAMalformedOne() {
        SpanContext none = TRACING.startHandling(record(null)).getSpanContext();
        SpanContext malformed = TRACING.startHandling(record("00-not-a-trace")).getSpanContext();
        SpanContext zeros = TRACING.startHandling(record("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"))
                .getSpanContext();

        assertThat(none.isValid()).isTrue();
        assertThat(malformed.isValid()).isTrue();
        assertThat(zeros.isValid()).isTrue();
        assertThat(none.getTraceId())
                .isNotEqualTo(malformed.getTraceId())
                .isNotEqualTo(zeros.getTraceId())
                .isNotEqualTo(TRACE_ID);
    }

    @Test
    void whatIsPublishedWhileASpanIsCurrentCarriesItsContextAndItsTraceIdIsLogged() {
        Span span = TRACING.startHandling(record(PARENT));
        String stored;
        try (Scope scope = Tracing.makeCurrent(span)) {
            stored = TRACING.currentOrNew("test");
            assertThat(MDC.get("traceId")).isEqualTo(TRACE_ID);
            assertThat(MDC.get("spanId")).isEqualTo(span.getSpanContext().getSpanId());
        }

        assertThat(stored)
                .isEqualTo("00-" + TRACE_ID + "-" + span.getSpanContext().getSpanId() + "-00");
        assertThat(MDC.get("traceId")).isNull();
        assertThat(Tracing.current()).isNull();
    }

    @Test
    void outsideAnyTraceEachEventStartsANewOne() {
        String first = TRACING.currentOrNew("test");
        String second = TRACING.currentOrNew("test");

        assertThat(Tracing.traceIdOf(first)).isNotNull();
        assertThat(Tracing.traceIdOf(second)).isNotNull().isNotEqualTo(Tracing.traceIdOf(first));
    }

    @Test
    void aStoredContextIsResumedAsItWasAndNothingIsResumedFromGarbage() {
        try (Scope scope = Tracing.resume(PARENT)) {
            assertThat(Tracing.current()).isEqualTo(PARENT);
            assertThat(MDC.get("traceId")).isEqualTo(TRACE_ID);
        }
        try (Scope scope = Tracing.resume("garbage")) {
            assertThat(Tracing.current()).isNull();
        }
        try (Scope scope = Tracing.resume(null)) {
            assertThat(Tracing.current()).isNull();
        }
    }

    @Test
    void aNewTraceIsCurrentWhileItsWorkRunsAndEndsWithIt() {
        String inside = TRACING.inNewTrace("test", Tracing::current);

        assertThat(Tracing.traceIdOf(inside)).isNotNull();
        assertThat(Tracing.current()).isNull();
    }

    @Test
    void aSampledTraceStaysSampledThroughAServiceThatDoesNotExport() {
        Span span = TRACING.startHandling(record("00-" + TRACE_ID + "-00f067aa0ba902b7-01"));

        assertThat(span.getSpanContext().isSampled()).isTrue();
        span.end();
    }

    static ConsumerRecord<String, byte[]> record(String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            headers.add(Tracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(
                "bot.analysis",
                0,
                7,
                1_000L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                "conversation",
                new byte[0],
                headers,
                Optional.empty());
    }
}
