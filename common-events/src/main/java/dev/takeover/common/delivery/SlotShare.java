package dev.takeover.common.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one relay instance does to reach its fair share of the outbox slots: each live instance owns at most
 * ceil(slots / instances), gives up the surplus and takes free slots up to its share. Free slots are tried from an
 * instance's own starting point, so instances that start together rarely reach for the same slot.
 */
record SlotShare(Set<Integer> release, List<Integer> acquire) {

    static final SlotShare NOTHING = new SlotShare(Set.of(), List.of());

    /**
     * @param members live relay instances, this one included
     * @param owned the slots this instance holds
     * @param held the slots any instance holds, this one's included
     */
    static SlotShare plan(int slots, int members, Set<Integer> owned, Set<Integer> held, int startAt) {
        int share = share(slots, members);
        if (owned.size() > share) {
            TreeSet<Integer> surplus = new TreeSet<>(owned);
            Set<Integer> release = new TreeSet<>();
            while (release.size() < owned.size() - share) {
                release.add(surplus.pollLast());
            }
            return new SlotShare(release, List.of());
        }
        List<Integer> acquire = new ArrayList<>();
        for (int i = 0; i < slots && owned.size() + acquire.size() < share; i++) {
            int slot = Math.floorMod(startAt + i, slots);
            if (!held.contains(slot) && !owned.contains(slot)) {
                acquire.add(slot);
            }
        }
        return acquire.isEmpty() ? NOTHING : new SlotShare(Set.of(), acquire);
    }

    static int share(int slots, int members) {
        int instances = Math.max(1, members);
        return (slots + instances - 1) / instances;
    }
}
