package dev.takeover.transcript.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One conversation as the analytics read model holds it, and what it says: whether a person was asked for, whether
 * the bot contained it, and how long each step took. {@code repeated} is whether the same customer came back about
 * the same intent within the repeat-contact window; {@code ratings} are the customer's satisfaction ratings.
 */
public record ConversationFigures(
        String conversationId,
        Instant startedAt,
        String channel,
        String language,
        String intent,
        int customerMessages,
        int clarifications,
        int rejections,
        int botFailures,
        int flags,
        Instant handoverRequestedAt,
        List<String> handoverReasons,
        Instant firstOfferedAt,
        Instant assignedAt,
        Instant firstAgentReplyAt,
        Instant endedAt,
        boolean repeated,
        Ratings ratings) {

    public ConversationFigures {
        handoverReasons = handoverReasons == null ? List.of() : List.copyOf(handoverReasons);
        ratings = ratings == null ? Ratings.NONE : ratings;
    }

    /** How the bot's part ended, once the repeat-contact window is over. */
    public enum Containment {
        /** A person was asked for. */
        HANDED_OVER,
        /** The bot kept it, but the customer came back about the same intent. */
        REPEATED,
        /** The bot kept it and the customer did not come back. */
        CONTAINED,
        /** The bot kept it so far; the window for a repeat contact is still open. */
        PENDING
    }

    public boolean handedOver() {
        return handoverRequestedAt != null;
    }

    /** A person handled it: an agent was assigned. */
    public boolean handledByPerson() {
        return assignedAt != null;
    }

    public Containment containment(Instant now, Duration repeatContactWindow) {
        if (handedOver()) {
            return Containment.HANDED_OVER;
        }
        if (repeated) {
            return Containment.REPEATED;
        }
        return startedAt.plus(repeatContactWindow).isAfter(now) ? Containment.PENDING : Containment.CONTAINED;
    }

    /** From the request for a person until one took the conversation. */
    public Optional<Duration> timeToTakeover() {
        return between(handoverRequestedAt, assignedAt);
    }

    /** From the request for a person until the queue offered the conversation to an agent. */
    public Optional<Duration> queueWait() {
        return between(handoverRequestedAt, firstOfferedAt);
    }

    /** From the assignment until the agent's first message to the customer. */
    public Optional<Duration> firstResponse() {
        return between(assignedAt, firstAgentReplyAt);
    }

    /** From the assignment until the agent resolved the conversation or handed it back to the bot. */
    public Optional<Duration> handleTime() {
        return between(assignedAt, endedAt);
    }

    private static Optional<Duration> between(Instant from, Instant to) {
        return from == null || to == null || to.isBefore(from)
                ? Optional.empty()
                : Optional.of(Duration.between(from, to));
    }
}
