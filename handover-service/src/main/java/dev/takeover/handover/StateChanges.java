package dev.takeover.handover;

import java.time.Instant;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import dev.takeover.common.delivery.Outbox;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.handover.waiting.Notices;

/**
 * Carries out an {@link Outcome} in the transaction that decided it: the transition goes into the record and the
 * outbox, and a handover that closed leaves the turns so far to the escalation, so the policy starts afresh.
 */
@ApplicationScoped
public class StateChanges {

    private final Outbox outbox;
    private final Notices notices;

    StateChanges(Outbox outbox, Notices notices) {
        this.outbox = outbox;
        this.notices = notices;
    }

    public void apply(Conversation conversation, Outcome outcome, Instant now) {
        publish(conversation, outcome.change());
        outcome.notices().forEach(notice -> notices.send(conversation, notice, now));
    }

    public void publish(Conversation conversation, Optional<HandoverStateChanged> change) {
        change.ifPresent(transition -> {
            ControlTransition.record(transition);
            outbox.publish(HandoverStateChanged.TYPE, transition);
            if (!transition.to().isEscalated()) {
                conversation.closeWindow(Turn.lastSeq(conversation.conversationId));
            }
        });
    }
}
