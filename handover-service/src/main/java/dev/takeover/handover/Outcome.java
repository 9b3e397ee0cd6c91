package dev.takeover.handover;

import java.util.List;
import java.util.Optional;

import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.handover.waiting.Notice;

/** What one step of a handover came to: the transition to record and publish, if any, and the notices to send. */
public record Outcome(Optional<HandoverStateChanged> change, List<Notice> notices) {

    public static final Outcome NOTHING = new Outcome(Optional.empty(), List.of());

    public static Outcome told(List<Notice> notices) {
        return new Outcome(Optional.empty(), notices);
    }

    public static Outcome told(Notice notice) {
        return told(List.of(notice));
    }

    public Outcome then(Optional<HandoverStateChanged> later) {
        return new Outcome(change.or(() -> later), notices);
    }
}
