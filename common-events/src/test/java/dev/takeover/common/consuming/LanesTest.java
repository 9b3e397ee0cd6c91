package dev.takeover.common.consuming;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static dev.takeover.common.consuming.Records.message;
import static dev.takeover.common.consuming.Records.record;
import static org.assertj.core.api.Assertions.assertThat;

class LanesTest {

    @Test
    void oneLanePerPartitionEachInOffsetOrder() {
        List<ConsumerRecord<String, byte[]>> polled = List.of(
                message(0, 10, "a", "1"),
                message(1, 20, "b", "2"),
                message(0, 11, "c", "3"),
                message(2, 30, "d", "4"),
                message(1, 21, "b", "5"));

        List<List<ConsumerRecord<String, byte[]>>> lanes = Lanes.of(polled);

        assertThat(lanes).hasSize(3);
        assertThat(lanes.get(0)).extracting(ConsumerRecord::offset).containsExactly(10L, 11L);
        assertThat(lanes.get(1)).extracting(ConsumerRecord::offset).containsExactly(20L, 21L);
        assertThat(lanes.get(2)).extracting(ConsumerRecord::offset).containsExactly(30L);
    }

    @Test
    void aConversationsRecordsOfSeveralTopicsShareItsPartitionsLane() {
        List<ConsumerRecord<String, byte[]>> polled = List.of(
                record("conversation.inbound", 3, 5, "a", "{}"),
                record("bot.analysis", 1, 7, "b", "{}"),
                record("bot.analysis", 3, 9, "a", "{}"));

        List<List<ConsumerRecord<String, byte[]>>> lanes = Lanes.of(polled);

        assertThat(lanes).hasSize(2);
        assertThat(lanes.get(0))
                .extracting(ConsumerRecord::topic)
                .containsExactly("conversation.inbound", "bot.analysis");
    }

    @Test
    void nothingPolledIsNoLane() {
        assertThat(Lanes.of(List.<ConsumerRecord<String, byte[]>>of())).isEmpty();
    }

    @Test
    void pausesDoubleUpToTheLongest() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(backoff.pauseAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.pauseAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.pauseAfter(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.pauseAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.pauseAfter(10_000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void conversationLocksAreTakenOnceEachInOneAscendingOrder() {
        Integer[] keys = ConversationLocks.keysOf(List.of("conv-b", "conv-a", "conv-b", "conv-c"));

        assertThat(keys).hasSize(3).isSorted();
        assertThat(ConversationLocks.keysOf(List.of("conv-c", "conv-a", "conv-b")))
                .containsExactly(keys);
    }
}
