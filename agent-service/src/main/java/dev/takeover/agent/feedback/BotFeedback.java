package dev.takeover.agent.feedback;

import java.time.Clock;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.agent.Agent;
import dev.takeover.agent.Takeover;
import dev.takeover.common.delivery.Outbox;
import dev.takeover.common.delivery.ProcessedEvents;
import dev.takeover.common.domain.Caller;
import dev.takeover.common.domain.Refused;
import dev.takeover.events.agent.BotAnswerFlagged;

/**
 * Agents watch the bot and say when it answered wrongly (seed 002): the flag is published for the bot's trainers and
 * the failure report, in the transaction that accepted it.
 */
@ApplicationScoped
public class BotFeedback {

    private final Outbox outbox;
    private final ProcessedEvents processed;
    private final Clock clock;

    BotFeedback(Outbox outbox, ProcessedEvents processed, Clock clock) {
        this.outbox = outbox;
        this.processed = processed;
        this.clock = clock;
    }

    /**
     * Whoever handles or handled the conversation, and supervisors, may flag. Idempotent by {@code flagId}: a retried
     * request with the same id is published once.
     */
    @Transactional
    public BotAnswerFlagged flag(
            String conversationId,
            Caller caller,
            String messageId,
            String expectedIntent,
            String comment,
            String flagId) {
        Takeover handover = Takeover.latestFor(conversationId)
                .orElseThrow(() -> Refused.notFound("no handover for conversation " + conversationId));
        if (!caller.supervisor() && !caller.is(handover.agentId)) {
            throw Refused.notAllowed(
                    caller.id() + " may only flag bot answers in conversations they handle or handled");
        }
        String name = Agent.<Agent>findByIdOptional(caller.id())
                .map(agent -> agent.displayName)
                .orElse(caller.name());
        BotAnswerFlagged flagged = new BotAnswerFlagged(
                conversationId,
                flagId == null || flagId.isBlank() ? UUID.randomUUID().toString() : flagId,
                messageId,
                caller.id(),
                name,
                expectedIntent,
                comment,
                clock.instant());
        if (processed.firstRequest("bot-answer-flag:" + flagged.flagId())) {
            outbox.publish(BotAnswerFlagged.TYPE, flagged);
        }
        return flagged;
    }
}
