package dev.takeover.common.consuming;

import java.time.Duration;

/** Pauses between attempts: doubling from the first, never longer than the longest. */
record Backoff(Duration first, Duration longest) {

    Duration pauseAfter(int attempt) {
        Duration pause = first;
        for (int i = 1; i < attempt && pause.compareTo(longest) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longest) < 0 ? pause : longest;
    }
}
