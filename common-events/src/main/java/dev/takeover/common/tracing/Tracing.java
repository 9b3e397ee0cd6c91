package dev.takeover.common.tracing;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * One trace per customer message, across every Kafka hop: W3C trace context travels in each record's
 * {@code traceparent} header, is stored with each outbox row, and is current (and in the log's MDC as
 * {@code traceId}) while a record is handled, so whatever the handling publishes continues the record's trace.
 *
 * <p>Ids are made and propagated whether or not spans are exported. Without export every span is a non-recording one
 * (ids only, nothing kept); with it, spans are batched and sent in the background, never on the caller's thread.
 */
@Singleton
public class Tracing {

    /** The record header and the outbox column carrying W3C trace context. */
    public static final String TRACEPARENT = "traceparent";

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";
    private static final String VERSION = "00";
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");

    private final SdkTracerProvider provider;
    private final Tracer tracer;

    @Inject
    Tracing(TracingConfig config, @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this(provider(config, serviceName));
    }

    /** With spans going where the provider sends them; tests hand one that keeps them in memory. */
    public Tracing(SdkTracerProvider provider) {
        this.provider = provider;
        this.tracer = provider.get("dev.takeover");
    }

    private static SdkTracerProvider provider(TracingConfig config, String serviceName) {
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName))));
        if (!config.export()) {
            // Ids only, but a trace an exporting service upstream chose to keep stays kept downstream.
            return builder.setSampler(Sampler.parentBased(Sampler.alwaysOff())).build();
        }
        return builder.setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.sampleRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                                .setEndpoint(config.otlpEndpoint())
                                .build())
                        .build())
                .build();
    }

    @PreDestroy
    void close() {
        provider.close();
    }

    /** The current trace context as a {@code traceparent}, to store for {@link #resume}; null when there is none. */
    public static String current() {
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() ? traceparent(current) : null;
    }

    /** The current trace context as a {@code traceparent}; a new trace when there is none, so every event has one. */
    public String currentOrNew(String spanName) {
        SpanContext current = Span.current().getSpanContext();
        if (current.isValid()) {
            return traceparent(current);
        }
        Span root = tracer.spanBuilder(spanName)
                .setNoParent()
                .setSpanKind(SpanKind.PRODUCER)
                .startSpan();
        root.end();
        return traceparent(root.getSpanContext());
    }

    /**
     * Starts the span of handling one consumed record, as a child of the trace its {@code traceparent} header names,
     * or of a new trace when it has none. The caller ends it.
     */
    public Span startHandling(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TRACEPARENT);
        SpanContext parent =
                header == null ? SpanContext.getInvalid() : parse(new String(header.value(), StandardCharsets.UTF_8));
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(Context.root().with(Span.wrap(parent)))
                .setSpanKind(SpanKind.CONSUMER)
                .startSpan();
        if (span.isRecording()) {
            span.setAttribute(MESSAGING_SYSTEM, "kafka")
                    .setAttribute(DESTINATION, record.topic())
                    .setAttribute(PARTITION, (long) record.partition())
                    .setAttribute(OFFSET, record.offset());
        }
        return span;
    }

    /** Runs the work as the root of a new trace: the start of one customer message's journey. */
    public <T> T inNewTrace(String spanName, Supplier<T> work) {
        Span root = tracer.spanBuilder(spanName)
                .setNoParent()
                .setSpanKind(SpanKind.SERVER)
                .startSpan();
        try (Scope scope = makeCurrent(root)) {
            return work.get();
        } finally {
            root.end();
        }
    }

    /**
     * Makes the span current, with its ids in the log's MDC, until the scope closes; whatever is published meanwhile
     * belongs to its trace.
     */
    public static Scope makeCurrent(Span span) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return Scope.noop();
        }
        Scope scope = span.makeCurrent();
        Object previousTrace = MDC.get(TRACE_ID);
        Object previousSpan = MDC.get(SPAN_ID);
        MDC.put(TRACE_ID, context.getTraceId());
        MDC.put(SPAN_ID, context.getSpanId());
        return () -> {
            restore(TRACE_ID, previousTrace);
            restore(SPAN_ID, previousSpan);
            scope.close();
        };
    }

    /**
     * Continues a trace stored earlier (for work that a person or a timer finishes later, on behalf of the message
     * that started it); a missing or malformed context leaves the current one as it is.
     */
    public static Scope resume(String traceparent) {
        SpanContext stored = traceparent == null ? SpanContext.getInvalid() : parse(traceparent);
        return stored.isValid() ? makeCurrent(Span.wrap(stored)) : Scope.noop();
    }

    /** The W3C form: version, trace id, parent span id and flags. */
    public static String traceparent(SpanContext context) {
        return VERSION
                + '-'
                + context.getTraceId()
                + '-'
                + context.getSpanId()
                + '-'
                + context.getTraceFlags().asHex();
    }

    /** The trace id a {@code traceparent} names, or null when it is not a valid one. */
    public static String traceIdOf(String traceparent) {
        SpanContext context = parse(traceparent);
        return context.isValid() ? context.getTraceId() : null;
    }

    /** A remote span context, invalid unless the value is a well-formed version-00 {@code traceparent}. */
    static SpanContext parse(String traceparent) {
        if (traceparent.length() != 55
                || !traceparent.startsWith(VERSION + '-')
                || traceparent.charAt(35) != '-'
                || traceparent.charAt(52) != '-') {
            return SpanContext.getInvalid();
        }
        String flags = traceparent.substring(53);
        if (!isHex(flags)) {
            return SpanContext.getInvalid();
        }
        // createFromRemoteParent checks the ids themselves (hex, not all zeros) and returns an invalid one otherwise.
        return SpanContext.createFromRemoteParent(
                traceparent.substring(3, 35),
                traceparent.substring(36, 52),
                TraceFlags.fromHex(flags, 0),
                TraceState.getDefault());
    }

    private static boolean isHex(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
