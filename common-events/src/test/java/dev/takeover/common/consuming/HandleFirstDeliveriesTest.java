package dev.takeover.common.consuming;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.takeover.common.delivery.ProcessedEvents;
import dev.takeover.events.EventType;

import static dev.takeover.common.consuming.Records.decoded;
import static org.assertj.core.api.Assertions.assertThat;

/** A handler that locks and de-duplicates by itself still never sees an event twice in one batch. */
class HandleFirstDeliveriesTest {

    // Absent: were the shared locks or processed-event log used, the test would fail on them.
    private static final ConversationLocks NO_LOCKS = null;
    private static final ProcessedEvents NO_LOG = null;

    @Test
    void aHandlerThatGuardsItselfGetsEachEventOfTheBatchOnce() {
        Guarding handler = new Guarding();

        Consuming.handleFirstDeliveries(
                handler,
                List.of(
                        decoded(0, 1, "conv-1", "m1"),
                        decoded(0, 2, "conv-2", "m2"),
                        decoded(0, 3, "conv-1", "m1"),
                        decoded(0, 4, "conv-1", "m3")),
                NO_LOCKS,
                NO_LOG,
                () -> {});

        assertThat(handler.batches).hasSize(1);
        assertThat(handler.batches.get(0)).containsExactly("m1", "m2", "m3");
    }

    @Test
    void anEmptyBatchIsNotHandedOver() {
        Guarding handler = new Guarding();

        Consuming.handleFirstDeliveries(handler, List.of(), NO_LOCKS, NO_LOG, () -> {});

        assertThat(handler.batches).isEmpty();
    }

    private static final class Guarding implements BatchHandler {
        final List<List<String>> batches = new ArrayList<>();

        @Override
        public boolean handles(EventType<?> type) {
            return true;
        }

        @Override
        public boolean guardsItself() {
            return true;
        }

        @Override
        public void handle(EventBatch batch) {
            batches.add(batch.records().stream().map(Records::messageId).toList());
        }
    }
}
