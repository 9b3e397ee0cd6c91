package dev.takeover.common.membership;

import java.util.Collection;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the group has given one consumer: nothing until its first rebalance completes, then the partitions it holds.
 * A consumer that lost its partitions (its session expired, or it was fenced) has nothing again until it is given an
 * assignment anew.
 */
final class Assignment {

    private final Set<String> partitions = new HashSet<>();
    private boolean given;

    synchronized void assigned(Collection<String> added) {
        partitions.addAll(added);
        given = true;
    }

    synchronized void revoked(Collection<String> removed) {
        partitions.removeAll(removed);
    }

    synchronized void lost() {
        partitions.clear();
        given = false;
    }

    /**
     * Consuming what the group assigned it. An empty assignment counts once given: with more members than partitions
     * some members rightly hold none, while a member still waiting for its group (the crashed member it replaces still
     * holds the partitions) has been given nothing at all.
     */
    synchronized boolean consuming() {
        return given;
    }

    synchronized int partitionsHeld() {
        return partitions.size();
    }

    /** The partitions held, read together with whether it consumes; empty while it waits for its group. */
    synchronized OptionalInt held() {
        return given ? OptionalInt.of(partitions.size()) : OptionalInt.empty();
    }
}
