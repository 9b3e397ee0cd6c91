package dev.takeover.common.delivery;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxSlotsTest {

    @Test
    void aKeyAlwaysHasTheSameSlot() {
        assertThat(OutboxSlots.of("conversation-42")).isEqualTo(OutboxSlots.of("conversation-42"));
    }

    @Test
    void theSlotIsTheFirst32BitsOfTheMd5ModuloTheCount() {
        // `printf demo-1 | md5sum` starts with 2cf425a1; 0x2cf425a1 % 32 = 1.
        assertThat(OutboxSlots.of("demo-1")).isEqualTo(1);
    }

    @Test
    void keysSpreadOverEverySlot() {
        int[] perSlot = new int[OutboxSlots.COUNT];
        IntStream.range(0, 32_000)
                .forEach(i -> perSlot[OutboxSlots.of(UUID.randomUUID().toString())]++);

        assertThat(IntStream.of(perSlot).min().orElseThrow()).isGreaterThan(700);
        assertThat(IntStream.of(perSlot).max().orElseThrow()).isLessThan(1300);
    }
}
