package dev.takeover.common.consuming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.transcript.CustomerDataErased;

import static dev.takeover.common.consuming.Records.decoded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventHandlersTest {

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
