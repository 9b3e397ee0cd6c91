package dev.takeover.handover;

import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.common.delivery.Outbox;
import dev.takeover.common.delivery.ProcessedEvents;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;

/** The handover use cases: keep the conversation's context, and escalate it when the policy says so. */
@ApplicationScoped
public class Handovers {

    private final EscalationPolicy policy;
    private final ProcessedEvents processed;
    private final Outbox outbox;

    Handovers(EscalationPolicy policy, ProcessedEvents processed, Outbox outbox) {
        this.policy = policy;
        this.processed = processed;
        this.outbox = outbox;
    }

    @Transactional
    public void onCustomerMessage(ReceivedEvent<InboundMessage> message) {
        if (processed.firstDelivery(message.idempotencyKey())) {
            Conversation.noteMessage(message.payload(), message.occurredAt());
        }
    }

    @Transactional
    public void onMessageAnalyzed(ReceivedEvent<MessageAnalyzed> event) {
        if (!processed.firstDelivery(event.idempotencyKey())) {
            return;
        }
        MessageAnalyzed analysis = event.payload();
        List<Reason> reasons = policy.reasonsToEscalate(analysis);
        if (reasons.isEmpty() || Handover.isOpenFor(analysis.conversationId())) {
            return;
        }
        Handover handover = Handover.request(analysis.conversationId(), reasons, Priority.NORMAL);
        handover.persist();
        outbox.publish(HandoverRequested.TYPE, takeoverEvent(handover, reasons, analysis));
    }

    private static HandoverRequested takeoverEvent(Handover handover, List<Reason> reasons, MessageAnalyzed analysis) {
        Optional<Conversation> conversation = Conversation.findByIdOptional(handover.conversationId);
        HandoverPackage handoverPackage = new HandoverPackage(
                conversation.map(c -> c.customerId).orElse(null),
                conversation.map(c -> c.customerName).orElse(null),
                conversation.map(c -> c.channel).orElse(null),
                null,
                List.of(analysis.intent().name()),
                List.of(analysis.sentiment().score()),
                null,
                "The customer asked for a person.");
        return new HandoverRequested(
                handover.handoverId,
                handover.conversationId,
                reasons,
                handover.priority,
                List.of(),
                analysis.language(),
                handover.requestedAt,
                handoverPackage);
    }
}
