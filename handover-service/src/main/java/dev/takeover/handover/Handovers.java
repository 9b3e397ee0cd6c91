package dev.takeover.handover;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.takeover.common.consuming.ConversationLocks;
import dev.takeover.common.delivery.Outbox;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.agent.RoutingEvent;
import dev.takeover.events.bot.CustomerDataCollected;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.FollowUpRequested;
import dev.takeover.events.transcript.CustomerDataErased;
import dev.takeover.handover.waiting.FollowUpChoice;
import dev.takeover.handover.waiting.WaitingPolicy;

/**
 * The handover use cases, as the consumers and the timer job call them. Each runs inside its caller's transaction and
 * with the conversation locked ({@link ConversationLocks}: the consumers lock their batch's conversations, the timer
 * job skips one someone else holds), so records about it from different topics and instances never interleave; every
 * change is published through the outbox with the transaction that made it. The decisions are made elsewhere: the
 * escalation in {@link Escalations}, the waiting phase in {@link WaitingPolicy}, agent-service's routing in
 * {@link RoutingTransitions}.
 */
@ApplicationScoped
public class Handovers {

    private static final Logger LOG = Logger.getLogger(Handovers.class);

    private final Escalations escalations;
    private final WaitingPolicy waiting;
    private final FollowUpChoice followUpChoice;
    private final RoutingTransitions routing;
    private final StateChanges changes;
    private final Outbox outbox;
    private final ConversationLocks locks;
    private final WorkingSet workingSet;
    private final Clock clock;

    Handovers(
            Escalations escalations,
            WaitingPolicy waiting,
            FollowUpChoice followUpChoice,
            RoutingTransitions routing,
            StateChanges changes,
            Outbox outbox,
            ConversationLocks locks,
            WorkingSet workingSet,
            Clock clock) {
        this.escalations = escalations;
        this.waiting = waiting;
        this.followUpChoice = followUpChoice;
        this.routing = routing;
        this.changes = changes;
        this.outbox = outbox;
        this.locks = locks;
        this.workingSet = workingSet;
        this.clock = clock;
    }

    @Transactional
    public void onCustomerMessage(ReceivedEvent<InboundMessage> event) {
        Instant now = clock.instant();
        InboundMessage message = event.payload();
        Conversation conversation = Conversation.of(message.conversationId(), now);
        conversation.noteMessage(message, now);
        String conversationId = conversation.conversationId;
        Turn turn = workingSet.remember(
                Turn.withText(workingSet.turn(conversationId, message.messageId()), conversationId, message, now));
        Optional<Handover> open = workingSet.openHandover(conversationId);
        if (open.isPresent()) {
            Handover handover = open.get();
            Optional<Incident> incident = workingSet.activeIncident(conversation);
            changes.apply(conversation, Outcome.told(waiting.customerWrote(handover, conversation, incident)), now);
            if (followedUp(conversation, handover, message.text(), turn.intent, now)) {
                return;
            }
        }
        escalations.matchIncidents(conversation, turn, now);
        if (turn.analysed && open.isEmpty()) {
            // The analysis came first; the message completes the context (customer, attributes, text).
            escalations.decide(conversation, turn, now);
        }
    }

    @Transactional
    public void onMessageAnalyzed(ReceivedEvent<MessageAnalyzed> event) {
        Instant now = clock.instant();
        MessageAnalyzed analysis = event.payload();
        Conversation conversation = Conversation.of(analysis.conversationId(), now);
        conversation.noteLanguage(analysis.language());
        String conversationId = conversation.conversationId;
        Turn turn = workingSet.remember(Turn.withAnalysis(
                workingSet.turn(conversationId, analysis.messageId()),
                conversationId,
                analysis,
                workingSet.lastBotPurpose(conversationId),
                now));
        Optional<Handover> open = workingSet.openHandover(conversationId);
        if (open.isPresent()) {
            Handover handover = open.get();
            if (!followedUp(conversation, handover, turn.text, turn.intent, now)
                    && handover.isWaiting()
                    && analysis.humanRequested()) {
                changes.apply(conversation, Outcome.told(waiting.reassure(handover)), now);
            }
            return;
        }
        escalations.matchIncidents(conversation, turn, now);
        escalations.decide(conversation, turn, now);
    }

    @Transactional
    public void onCustomerDataCollected(ReceivedEvent<CustomerDataCollected> event) {
        CustomerDataCollected collected = event.payload();
        Conversation conversation = Conversation.of(collected.conversationId(), clock.instant());
        conversation.noteCollectedData(collected.data(), collected.collectedAt());
    }

    /** Bot and agent messages: what the bot tried, and whether the customer owes the agent an answer. */
    @Transactional
    public void onMessageSent(ReceivedEvent<MessageSent> event) {
        MessageSent message = event.payload();
        if (message.sender().type() == Sender.Type.SYSTEM) {
            return;
        }
        Instant now = clock.instant();
        Conversation conversation = Conversation.of(message.conversationId(), now);
        if (!workingSet.knowsReply(message.messageId())) {
            workingSet.replied(Reply.of(message, now));
        }
        if (message.sender().type() == Sender.Type.AGENT) {
            workingSet.openHandover(conversation.conversationId).ifPresent(waiting::agentWrote);
        }
    }

    /** Agent-service routed the handover the event names; events about a handover that is not open here are late. */
    @Transactional
    public <T extends RoutingEvent> void onRoutingEvent(ReceivedEvent<T> event) {
        Instant now = clock.instant();
        Conversation conversation = Conversation.of(event.conversationId(), now);
        String handoverId = event.payload().handoverId();
        Handover handover = handoverId == null ? null : Handover.findById(handoverId);
        if (handover == null || !handover.isOpen() || !handover.conversationId.equals(event.conversationId())) {
            LOG.debugf("ignoring %s for handover %s, which is not open here", event.type(), handoverId);
            return;
        }
        changes.apply(conversation, routing.apply(event.type(), event.payload(), handover, conversation, now), now);
    }

    @Transactional
    public void onCustomerDataErased(ReceivedEvent<CustomerDataErased> event) {
        Conversation conversation = Conversation.of(event.conversationId(), clock.instant());
        conversation.erasePersonalData();
        Turn.update("text = null where conversationId = ?1", conversation.conversationId);
        Reply.update("text = null where conversationId = ?1", conversation.conversationId);
    }

    /** Runs the conversation's due timers; skips it (for the next run) while someone else holds it. */
    @Transactional
    public void runDueTimers(String conversationId) {
        Conversation conversation = locks.tryLock(conversationId) ? Conversation.findById(conversationId) : null;
        if (conversation == null) {
            return;
        }
        Handover.openFor(conversationId)
                .ifPresent(handover ->
                        changes.apply(conversation, waiting.dueTimers(handover, conversation), clock.instant()));
    }

    /** A waiting customer who was offered a callback or a ticket chose one: the handover ends with the request. */
    private boolean followedUp(Conversation conversation, Handover handover, String text, String intent, Instant now) {
        if (!handover.isWaiting() || !handover.alternativesWereOffered()) {
            return false;
        }
        Optional<FollowUpRequested.Kind> kind = followUpChoice.of(text, intent);
        if (kind.isEmpty()) {
            return false;
        }
        WaitingPolicy.FollowUp followUp = waiting.followUp(handover, kind.get());
        outbox.publish(
                FollowUpRequested.TYPE,
                new FollowUpRequested(
                        handover.handoverId,
                        conversation.conversationId,
                        kind.get(),
                        followUp.reference(),
                        conversation.customerId,
                        conversation.channel,
                        handover.language,
                        conversation.collectedData,
                        followUp.opening() == null ? null : followUp.opening().toInstant(),
                        now));
        changes.apply(conversation, followUp.outcome(), now);
        return true;
    }
}
