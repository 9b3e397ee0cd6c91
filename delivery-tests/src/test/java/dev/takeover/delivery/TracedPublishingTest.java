package dev.takeover.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.common.delivery.Outbox;
import dev.takeover.common.tracing.Tracing;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace context through the outbox, on the real database and broker: stored with the row in the writing
 * transaction, and sent by the relay as the record's traceparent header.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TracedPublishingTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    final Outbox outbox;
    final Tracing tracing;
    KafkaCompanion kafka;
    TopicRecorder outbound;

    TracedPublishingTest(Outbox outbox, Tracing tracing) {
        this.outbox = outbox;
        this.tracing = tracing;
    }

    @BeforeEach
    void recordTheTopic() {
        kafka = new KafkaCompanion(bootstrapServers);
        outbound = TopicRecorder.recording(kafka, PublishingTest.TOPIC);
    }

    @AfterEach
    void stopRecording() {
        outbound.close();
        kafka.close();
    }

    @Test
    void anEventWrittenWhileARecordIsHandledIsSentInThatRecordsTraceAsAChildOfItsSpan() {
        String conversation = "traced-" + UUID.randomUUID();
        Span handling = tracing.startHandling(consumed("00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
        try (Scope scope = Tracing.makeCurrent(handling)) {
            publish(conversation);
        } finally {
            handling.end();
        }

        String sent = await().atMost(PATIENCE)
                .until(() -> traceparents(conversation), found -> !found.isEmpty())
                .get(0);
        assertThat(sent)
                .isEqualTo("00-" + TRACE_ID + "-" + handling.getSpanContext().getSpanId() + "-01");
    }

    @Test
    void anEventWrittenOutsideAnyTraceStartsOneOfItsOwn() {
        String conversation = "untraced-" + UUID.randomUUID();
        publish(conversation);
        publish(conversation);

        List<String> sent =
                await().atMost(PATIENCE).until(() -> traceparents(conversation), found -> found.size() == 2);
        assertThat(sent)
                .allSatisfy(traceparent ->
                        assertThat(Tracing.traceIdOf(traceparent)).isNotNull().isNotEqualTo(TRACE_ID));
        assertThat(Tracing.traceIdOf(sent.get(0))).isNotEqualTo(Tracing.traceIdOf(sent.get(1)));
    }

    void publish(String conversation) {
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish(MessageSent.TYPE, PublishingTest.message(conversation, 1)));
    }

    List<String> traceparents(String conversation) {
        return outbound.records(conversation).stream()
                .map(record -> TopicRecorder.header(record, Tracing.TRACEPARENT))
                .toList();
    }

    /** A record consumed with the given trace context, as another service's relay sent it. */
    static ConsumerRecord<String, byte[]> consumed(String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Tracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(
                "bot.analysis",
                0,
                0,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                "conversation",
                new byte[0],
                headers,
                Optional.empty());
    }
}
