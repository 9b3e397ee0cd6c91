package dev.takeover.common.delivery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotShareTest {

    private static final int SLOTS = 32;

    @Test
    void aLoneInstanceTakesEverySlot() {
        SlotShare plan = SlotShare.plan(SLOTS, 1, Set.of(), Set.of(), 7);

        assertThat(plan.release()).isEmpty();
        assertThat(plan.acquire()).hasSize(SLOTS).doesNotHaveDuplicates();
        assertThat(plan.acquire().get(0)).isEqualTo(7);
    }

    @Test
    void aSecondInstanceMakesTheFirstGiveUpHalfItsHighestSlots() {
        Set<Integer> all = range(0, SLOTS);

        SlotShare plan = SlotShare.plan(SLOTS, 2, all, all, 0);

        assertThat(plan.release()).isEqualTo(range(16, SLOTS));
        assertThat(plan.acquire()).isEmpty();
    }

    @Test
    void theNewcomerTakesOnlyFreeSlotsUpToItsShare() {
        Set<Integer> heldByOther = range(0, 16);

        SlotShare plan = SlotShare.plan(SLOTS, 2, Set.of(), heldByOther, 3);

        assertThat(plan.acquire()).hasSize(16).allMatch(slot -> slot >= 16);
    }

    @Test
    void nobodyGrabsBeyondTheShareWhileTheSurplusIsStillHeld() {
        SlotShare plan = SlotShare.plan(SLOTS, 2, Set.of(), range(0, SLOTS), 0);

        assertThat(plan).isEqualTo(SlotShare.NOTHING);
    }

    @Test
    void aDeadInstancesSlotsAreTakenByTheSurvivor() {
        Set<Integer> mine = range(0, 16);

        SlotShare plan = SlotShare.plan(SLOTS, 1, mine, mine, 0);

        assertThat(plan.acquire()).containsExactlyElementsOf(range(16, SLOTS));
    }

    @Test
    void sharesRoundUpSoEverySlotHasRoomWithAnyNumberOfInstances() {
        for (int members = 1; members <= 40; members++) {
            assertThat(SlotShare.share(SLOTS, members) * members).isGreaterThanOrEqualTo(SLOTS);
        }
        assertThat(SlotShare.share(SLOTS, 3)).isEqualTo(11);
        assertThat(SlotShare.share(SLOTS, 0)).isEqualTo(SLOTS);
    }

    @Test
    void instancesRebalancingInTurnConvergeOnDisjointFairShares() {
        List<Set<Integer>> owned = List.of(new HashSet<>(range(0, SLOTS)), new HashSet<>(), new HashSet<>());
        for (int round = 0; round < 5; round++) {
            for (int instance = 0; instance < owned.size(); instance++) {
                Set<Integer> held = owned.stream().flatMap(Set::stream).collect(Collectors.toSet());
                SlotShare plan = SlotShare.plan(SLOTS, owned.size(), owned.get(instance), held, instance * 11);
                owned.get(instance).removeAll(plan.release());
                owned.get(instance).addAll(plan.acquire());
            }
        }

        assertThat(owned).allMatch(slots -> slots.size() >= 10 && slots.size() <= 11);
        assertThat(owned.stream().mapToInt(Set::size).sum()).isEqualTo(SLOTS);
        assertThat(owned.stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .hasSize(SLOTS);
    }

    private static Set<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toSet());
    }
}
