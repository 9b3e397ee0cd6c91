package dev.takeover.common.consuming;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import dev.takeover.common.tracing.Tracing;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.transcript.CustomerDataErased;

import static dev.takeover.common.consuming.Records.decoded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventHandlersTest {

    private static final Tracing TRACING = new Tracing(SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(Sampler.alwaysOff()))
            .build());

    private final List<String> calls = new ArrayList<>();

    @Test
    void eachEventGoesToTheUseCaseOfItsTypeBetweenTheBatchsPreparationAndCompletion() {
        EventHandlers handlers = EventHandlers.builder()
                .on(
                        InboundMessage.TYPE,
                        event -> calls.add("message " + event.payload().messageId()))
                .prepare(batch ->
                        calls.add("prepare " + batch.of(InboundMessage.TYPE).size()))
                .finish(batch -> calls.add("finish " + batch.size()))
                .build();

        handlers.handle(new EventBatch(List.of(decoded(0, 1, "c1", "m1"), decoded(0, 2, "c1", "m2"))));

        assertThat(calls).containsExactly("prepare 2", "message m1", "message m2", "finish 2");
    }

    @Test
    void theBatchSettlesAfterEachEventBeforeTheNextAndBeforeItsCompletion() {
        EventHandlers handlers = EventHandlers.builder()
                .on(
                        InboundMessage.TYPE,
                        event -> calls.add("message " + event.payload().messageId()))
                .finish(batch -> calls.add("finish"))
                .build();

        handlers.handle(new EventBatch(
                List.of(decoded(0, 1, "c1", "m1"), decoded(0, 2, "c2", "m2")), () -> calls.add("settle")));

        assertThat(calls).containsExactly("message m1", "settle", "message m2", "settle", "finish");
    }

    @Test
    void handlersThatKeepTheirLoadedStateDoNotSettleBetweenEvents() {
        EventHandlers handlers = EventHandlers.builder()
                .on(
                        InboundMessage.TYPE,
                        event -> calls.add("message " + event.payload().messageId()))
                .loadFirst(batch -> calls.add("load"))
                .build();

        handlers.handle(new EventBatch(
                List.of(decoded(0, 1, "c1", "m1"), decoded(0, 2, "c2", "m2")), () -> calls.add("settle")));

        assertThat(calls).containsExactly("load", "message m1", "message m2");
    }

    @Test
    void eachEventOfABatchIsHandledInItsOwnRecordsTraceAndTheBatchStepsInNone() {
        List<String> traces = new ArrayList<>();
        EventHandlers handlers = EventHandlers.builder()
                .on(InboundMessage.TYPE, event -> traces.add(Tracing.traceIdOf(Tracing.current())))
                .finish(batch -> traces.add(String.valueOf(Tracing.current())))
                .build();
        String first = "4bf92f3577b34da6a3ce929d0e0e4736";
        String second = "0af7651916cd43dd8448eb211c80319c";

        handlers.handle(new EventBatch(List.of(
                traced(1, "m1", "00-" + first + "-00f067aa0ba902b7-00"),
                traced(2, "m2", null),
                traced(3, "m3", "00-" + second + "-b7ad6b7169203331-00"))));

        assertThat(traces).hasSize(4);
        assertThat(traces.get(0)).isEqualTo(first);
        assertThat(traces.get(1)).isNotNull().isNotIn(first, second);
        assertThat(traces.get(2)).isEqualTo(second);
        assertThat(traces.get(3)).isEqualTo("null");
    }

    private static DecodedRecord traced(long offset, String messageId, String traceparent) {
        ConsumerRecord<String, byte[]> record = Records.message(0, offset, "c1", messageId);
        if (traceparent != null) {
            record.headers().add(Tracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return DecodedRecord.decode(record, Records.INBOUND).handledIn(TRACING.startHandling(record));
    }

    @Test
    void aConsumerHandlesOnlyTheTypesInItsTable() {
        EventHandlers handlers = EventHandlers.builder()
                .on(CustomerDataErased.TYPE, event -> calls.add("erased"))
                .build();

        assertThat(handlers.handles(CustomerDataErased.TYPE)).isTrue();
        assertThat(handlers.handles(MessageAnalyzed.TYPE)).isFalse();
        handlers.dispatch(new ReceivedEvent<>(
                "k",
                InboundMessage.TYPE,
                Instant.EPOCH,
                new InboundMessage("m1", "c1", "web", "hi", null, null, null, null, null)));
        assertThat(calls).isEmpty();
    }

    @Test
    void oneTypeHasOneUseCase() {
        EventHandlers.Builder builder = EventHandlers.builder().on(InboundMessage.TYPE, event -> {});

        assertThatThrownBy(() -> builder.on(InboundMessage.TYPE, event -> {}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventHandlers.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBatchListsItsEventsOfOneType() {
        EventBatch batch = new EventBatch(List.of(decoded(0, 1, "c1", "m1"), decoded(0, 2, "c2", "m2")));

        assertThat(batch.of(InboundMessage.TYPE))
                .extracting(event -> event.payload().conversationId())
                .containsExactly("c1", "c2");
        assertThat(batch.of(MessageAnalyzed.TYPE)).isEmpty();
    }
}
