package dev.takeover.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.takeover.common.delivery.Outbox;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationRequeued;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.agent.ConversationTransferred;
import dev.takeover.events.agent.OfferDeclined;
import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.events.bot.CustomerDataCollected;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.FollowUpRequested;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.events.handover.IncidentTagChanged;
import dev.takeover.events.transcript.CustomerDataErased;
import dev.takeover.handover.Handover.QueueNotice;
import dev.takeover.handover.policy.ConversationView;
import dev.takeover.handover.policy.CurrentPolicy;
import dev.takeover.handover.policy.Decision;
import dev.takeover.handover.waiting.BusinessCalendar;
import dev.takeover.handover.waiting.NoticePurpose;
import dev.takeover.handover.waiting.NoticeTexts;
import dev.takeover.handover.waiting.Notices;

/**
 * The handover use cases. Each locks the conversation first, so records about it from different topics and instances
 * never interleave. The consumers call them once per new event, inside their batch's transaction; every change is
 * published through the outbox with the transaction that made it.
 */
@ApplicationScoped
public class Handovers {

    private static final Logger LOG = Logger.getLogger(Handovers.class);

    private final CurrentPolicy policy;
    private final Outbox outbox;
    private final Notices notices;
    private final HandoverConfig config;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final CustomerHistory history;

    Handovers(
            CurrentPolicy policy,
            Outbox outbox,
            Notices notices,
            HandoverConfig config,
            BusinessCalendar calendar,
            Clock clock,
            CustomerHistory history) {
        this.policy = policy;
        this.outbox = outbox;
        this.notices = notices;
        this.config = config;
        this.calendar = calendar;
        this.clock = clock;
        this.history = history;
    }

    @Transactional
    public void onCustomerMessage(ReceivedEvent<InboundMessage> event) {
        Instant now = clock.instant();
        InboundMessage message = event.payload();
        Conversation conversation = Conversation.lock(message.conversationId(), now);
        conversation.noteMessage(message, now);
        Turn turn = Turn.of(conversation.conversationId, message.messageId(), now);
        turn.noteText(message);
        Optional<Handover> open = Handover.openFor(conversation.conversationId);
        if (open.isPresent()) {
            Handover handover = open.get();
            if (handover.greetingPending) {
                greet(conversation, handover, now);
            }
            handover.customerWrote(now, config.waiting().abandonAfterOffer());
            Optional<FollowUpRequested.Kind> choice = followUpChoice(message.text(), turn.intent);
            if (handover.isWaiting() && handover.alternativesWereOffered() && choice.isPresent()) {
                requestFollowUp(conversation, handover, choice.get(), now);
                return;
            }
        }
        matchIncidents(conversation, turn, now);
        if (turn.analysed && open.isEmpty()) {
            // The analysis came first; the message completes the context (customer, attributes, text).
            decide(conversation, turn, now);
        }
    }

    @Transactional
    public void onMessageAnalyzed(ReceivedEvent<MessageAnalyzed> event) {
        Instant now = clock.instant();
        MessageAnalyzed analysis = event.payload();
        Conversation conversation = Conversation.lock(analysis.conversationId(), now);
        conversation.noteLanguage(analysis.language());
        Turn turn = Turn.of(conversation.conversationId, analysis.messageId(), now);
        turn.noteAnalysis(analysis, Reply.lastBotPurpose(conversation.conversationId));
        Optional<Handover> open = Handover.openFor(conversation.conversationId);
        if (open.isPresent()) {
            Handover handover = open.get();
            Optional<FollowUpRequested.Kind> choice = followUpChoice(turn.text, turn.intent);
            if (handover.isWaiting() && handover.alternativesWereOffered() && choice.isPresent()) {
                requestFollowUp(conversation, handover, choice.get(), now);
            } else if (handover.isWaiting() && analysis.humanRequested()) {
                reassure(conversation, handover, now);
            }
            return;
        }
        matchIncidents(conversation, turn, now);
        decide(conversation, turn, now);
    }

    @Transactional
    public void onCustomerDataCollected(ReceivedEvent<CustomerDataCollected> event) {
        CustomerDataCollected collected = event.payload();
        Conversation conversation = Conversation.lock(collected.conversationId(), clock.instant());
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
        Conversation conversation = Conversation.lock(message.conversationId(), now);
        if (Reply.findById(message.messageId()) == null) {
            Reply.of(message, now).persist();
        }
        if (message.sender().type() == Sender.Type.AGENT) {
            Handover.openFor(conversation.conversationId)
                    .ifPresent(handover ->
                            handover.agentWrote(now, config.waiting().abandonWithAgentAfter()));
        }
    }

    @Transactional
    public void onAgentEvent(ReceivedEvent<?> event) {
        Instant now = clock.instant();
        Conversation conversation = Conversation.lock(event.conversationId(), now);
        Object payload = event.payload();
        String handoverId = handoverIdOf(payload);
        if (handoverId == null) {
            return;
        }
        Handover handover = Handover.findById(handoverId);
        if (handover == null || !handover.isOpen() || !handover.conversationId.equals(event.conversationId())) {
            LOG.debugf("ignoring %s for handover %s, which is not open here", event.type(), handoverId);
            return;
        }
        NoticeTexts texts = notices.textsFor(handover.language);
        if (payload instanceof QueuePositionChanged report) {
            onQueuePosition(conversation, handover, report, texts, now);
        } else if (payload instanceof ConversationOffered offered) {
            handover.presenceReported(true, now, config.waiting().waitLimit());
            moveIfWaiting(handover, ControlState.QUEUED, "OFFERED", "Offered to agent " + offered.agentId(), now);
        } else if (payload instanceof OfferDeclined declined) {
            moveIfWaiting(
                    handover,
                    ControlState.QUEUED,
                    declined.timedOut() ? "OFFER_EXPIRED" : "OFFER_DECLINED",
                    "Agent " + declined.agentId() + (declined.timedOut() ? " let the offer expire" : " declined"),
                    now);
        } else if (payload instanceof ConversationAssigned assigned) {
            onAssigned(conversation, handover, assigned, texts, now);
        } else if (payload instanceof ConversationRequeued requeued) {
            if (handover.state == ControlState.WITH_AGENT) {
                publish(handover.moveTo(ControlState.QUEUED, "REQUEUED", requeued.reason(), now));
                backInQueue(handover, now);
                notices.send(conversation, NoticePurpose.REQUEUED, texts.requeued(), now);
            }
        } else if (payload instanceof ConversationTransferred transferred) {
            notices.send(conversation, NoticePurpose.TRANSFER, texts.transferred(), now);
            if (transferred.toTeam() != null && handover.state == ControlState.WITH_AGENT) {
                publish(handover.moveTo(
                        ControlState.QUEUED, "TRANSFERRED", "Transferred to team " + transferred.toTeam(), now));
                backInQueue(handover, now);
            } else if (transferred.toAgentId() != null) {
                handover.joinedBy(transferred.toAgentId(), null);
            }
        } else if (payload instanceof ConversationResolved resolved) {
            publish(handover.moveTo(
                    ControlState.RESOLVED, "RESOLVED_BY_AGENT", "Resolved by agent " + resolved.agentId(), now));
            conversation.closeWindow(Turn.lastSeq(conversation.conversationId));
            notices.send(conversation, NoticePurpose.RESOLVED, texts.resolved(), now);
        } else if (payload instanceof ConversationHandedBack handedBack) {
            publish(handover.moveTo(
                    ControlState.HANDED_BACK,
                    "HANDED_BACK_BY_AGENT",
                    "Handed back to the bot by agent " + handedBack.agentId(),
                    now));
            conversation.closeWindow(Turn.lastSeq(conversation.conversationId));
            notices.send(conversation, NoticePurpose.HAND_BACK, texts.handBack(handover.agentName), now);
        }
    }

    @Transactional
    public void onCustomerDataErased(ReceivedEvent<CustomerDataErased> event) {
        Conversation conversation = Conversation.lock(event.conversationId(), clock.instant());
        conversation.erasePersonalData();
        Turn.update("text = null where conversationId = ?1", conversation.conversationId);
        Reply.update("text = null where conversationId = ?1", conversation.conversationId);
    }

    /** Runs the conversation's due timers; skips it (for the next run) while someone else holds it. */
    @Transactional
    public void runDueTimers(String conversationId) {
        Instant now = clock.instant();
        Optional<Conversation> locked = Conversation.tryLock(conversationId);
        if (locked.isEmpty()) {
            return;
        }
        Conversation conversation = locked.get();
        Optional<Handover> open = Handover.openFor(conversationId);
        if (open.isEmpty()) {
            return;
        }
        Handover handover = open.get();
        NoticeTexts texts = notices.textsFor(handover.language);
        if (handover.isDue(handover.abandonAt, now)) {
            publish(handover.moveTo(
                    ControlState.ABANDONED,
                    "CUSTOMER_UNRESPONSIVE",
                    "No answer from the customer since " + handover.abandonAt.minus(abandonAfter(handover)),
                    now));
            conversation.closeWindow(Turn.lastSeq(conversationId));
            notices.send(conversation, NoticePurpose.ABANDONED, texts.abandoned(), now);
            return;
        }
        if (handover.isDue(handover.presenceDueAt, now)) {
            LOG.infof(
                    "no word from agent-service on handover %s within %s: the business calendar decides",
                    handover.handoverId, config.waiting().presenceGrace());
            handover.presenceUnreported();
            tellIfNobodyIsThere(conversation, handover, now);
        }
        if (handover.isDue(handover.waitLimitAt, now) && handover.isWaiting()) {
            if (closedFor(handover, now)) {
                tellOutOfHours(conversation, handover, texts, now);
            } else {
                // People are there, so silence after this offer means the customer left, also late at night.
                notices.send(conversation, NoticePurpose.CALLBACK_OFFER, texts.waitLimit(), now);
                handover.alternativesOffered(now, now.plus(config.waiting().abandonAfterOffer()));
            }
        }
        if (handover.isDue(handover.queueNoticeAt, now)) {
            Duration interval = config.waiting().queueNoticeInterval();
            if (handover.onQueueNoticeDue(now, interval, config.waiting().significantWaitChange()) == QueueNotice.NOW) {
                sendQueueUpdate(conversation, handover, texts, now);
            }
        }
    }

    private Duration abandonAfter(Handover handover) {
        return handover.state == ControlState.WITH_AGENT
                ? config.waiting().abandonWithAgentAfter()
                : config.waiting().abandonAfterOffer();
    }

    /** Tags the conversation with the first active incident it matches, and tells a waiting customer about it. */
    void matchIncidents(Conversation conversation, Turn turn, Instant now) {
        if (conversation.incidentId != null) {
            return;
        }
        for (Incident incident : Incident.active()) {
            if (incident.matches(turn.intent, turn.text)) {
                tag(conversation, incident, now);
                return;
            }
        }
    }

    void tag(Conversation conversation, Incident incident, Instant now) {
        conversation.incidentId = incident.incidentId;
        outbox.publish(
                IncidentTagChanged.TYPE,
                new IncidentTagChanged(
                        conversation.conversationId, incident.incidentId, incident.description, true, now));
        Handover.openFor(conversation.conversationId)
                .filter(handover -> handover.isWaiting() && !handover.greetingPending)
                .ifPresent(handover -> notices.send(
                        conversation,
                        NoticePurpose.INCIDENT_NOTICE,
                        notices.textsFor(handover.language).incident(incident.customerNotice),
                        now));
    }

    void untag(Conversation conversation, Incident incident, Instant now) {
        conversation.incidentId = null;
        outbox.publish(
                IncidentTagChanged.TYPE,
                new IncidentTagChanged(
                        conversation.conversationId, incident.incidentId, incident.description, false, now));
        Handover.openFor(conversation.conversationId)
                .filter(Handover::isWaiting)
                .ifPresent(handover -> notices.send(
                        conversation,
                        NoticePurpose.INCIDENT_RESOLVED,
                        notices.textsFor(handover.language).incidentResolved(),
                        now));
    }

    private void decide(Conversation conversation, Turn trigger, Instant now) {
        if (trigger.seq <= conversation.windowStartSeq || !trigger.analysed) {
            return;
        }
        List<Turn> window = Turn.inWindow(conversation);
        int upTo = window.indexOf(trigger) + 1;
        if (upTo == 0) {
            return;
        }
        List<Turn> considered = window.subList(0, upTo);
        ConversationView view = new ConversationView(
                conversation.conversationId,
                conversation.customerId,
                conversation.attributes,
                considered.stream().map(Turn::view).toList(),
                history.earlierContacts(conversation, now),
                activeIncident(conversation).map(Incident::view).orElse(null));
        Decision decision = policy.get().decide(view);
        if (decision.escalate()) {
            escalate(conversation, decision, trigger, now);
        }
    }

    private static Optional<Incident> activeIncident(Conversation conversation) {
        if (conversation.incidentId == null) {
            return Optional.empty();
        }
        return Incident.<Incident>findByIdOptional(conversation.incidentId).filter(Incident::isActive);
    }

    private void escalate(Conversation conversation, Decision decision, Turn trigger, Instant now) {
        String language = languageOf(conversation, trigger);
        Handover handover = Handover.request(conversation.conversationId, decision, language, now);
        handover.persist();
        conversation.closeWindow(Turn.lastSeq(conversation.conversationId));
        publish(Optional.of(handover.opened()));
        List<Turn> turns = Turn.ofConversation(conversation.conversationId);
        outbox.publish(
                HandoverRequested.TYPE,
                new HandoverRequested(
                        handover.handoverId,
                        handover.conversationId,
                        decision.allReasons(),
                        handover.priority,
                        handover.requiredSkills,
                        language,
                        now,
                        TakeoverPackage.of(
                                conversation,
                                turns,
                                Reply.fromBot(conversation.conversationId),
                                decision.allReasons(),
                                notices.textsFor(language).language()),
                        handover.incidentId));
        handover.startWaiting(now, config.waiting().waitLimit());
        handover.awaitPresence(now.plus(config.waiting().presenceGrace()));
        if (conversation.canNotify()) {
            greet(conversation, handover, now);
        } else {
            handover.greetingPending = true;
        }
        LOG.infof(
                "conversation %s escalated (handover %s, %s, priority %s)",
                conversation.conversationId, handover.handoverId, handover.reasonCodes, handover.priority);
    }

    /**
     * Tells the customer a person is coming and why. Whether anybody is there is told once it is known (agent-service
     * may already have said so while the customer's channel was still unknown).
     */
    private void greet(Conversation conversation, Handover handover, Instant now) {
        NoticeTexts texts = notices.textsFor(handover.language);
        handover.greetingPending = false;
        notices.send(conversation, NoticePurpose.HANDOVER_NOTICE, texts.handover(handover.cause), now);
        tellIfNobodyIsThere(conversation, handover, now);
        activeIncident(conversation)
                .ifPresent(incident -> notices.send(
                        conversation, NoticePurpose.INCIDENT_NOTICE, texts.incident(incident.customerNotice), now));
    }

    /**
     * Tells a waiting customer, once, that nobody who could help is there, with a callback or a ticket as the
     * alternative: when people are back if it is outside business hours, else that nobody is online. Whether anybody is
     * there is agent-service's word; the calendar's only when agent-service said nothing within the grace. An agent
     * online at night is someone who can help now.
     */
    private void tellIfNobodyIsThere(Conversation conversation, Handover handover, Instant now) {
        if (!handover.isWaiting()
                || handover.greetingPending
                || handover.noAgentNotified
                || handover.awaitingPresence()
                || !conversation.canNotify()) {
            return;
        }
        NoticeTexts texts = notices.textsFor(handover.language);
        if (closedFor(handover, now)) {
            tellOutOfHours(conversation, handover, texts, now);
        } else if (Boolean.FALSE.equals(handover.agentsOnline)) {
            notices.send(conversation, NoticePurpose.CALLBACK_OFFER, texts.noAgents(), now);
            handover.noAgentsTold(now);
        }
    }

    /**
     * Nobody is there and it is outside business hours: the customer learns when people are back and may choose a
     * callback or a ticket. Nobody is abandoned for waiting overnight; the wait limit counts from the next opening.
     */
    private void tellOutOfHours(Conversation conversation, Handover handover, NoticeTexts texts, Instant now) {
        Optional<ZonedDateTime> opening = calendar.nextOpening(now);
        notices.send(conversation, NoticePurpose.OUT_OF_HOURS, texts.outOfHours(opening.orElse(null)), now);
        handover.alternativesOffered(now, null);
        handover.nextWaitLimit(
                opening.map(at -> at.toInstant().plus(config.waiting().waitLimit()))
                        .orElse(null));
    }

    /** Outside business hours, and agent-service has not said that someone who could help is online anyway. */
    private boolean closedFor(Handover handover, Instant now) {
        return !calendar.isOpen(now) && !Boolean.TRUE.equals(handover.agentsOnline);
    }

    private void onQueuePosition(
            Conversation conversation, Handover handover, QueuePositionChanged report, NoticeTexts texts, Instant now) {
        if (handover.state == ControlState.WITH_AGENT) {
            return;
        }
        moveIfWaiting(
                handover,
                ControlState.QUEUED,
                "QUEUED",
                "Position " + report.position() + ", expected wait " + report.expectedWaitSeconds() + "s, "
                        + report.matchingAgentsOnline() + " matching agent(s) online",
                now);
        handover.presenceReported(
                report.matchingAgentsOnline() > 0, now, config.waiting().waitLimit());
        QueueNotice notice = handover.onQueuePosition(
                report,
                now,
                config.waiting().queueNoticeInterval(),
                config.waiting().significantWaitChange());
        switch (notice) {
            case NOW -> sendQueueUpdate(conversation, handover, texts, now);
            case NO_AGENTS -> tellIfNobodyIsThere(conversation, handover, now);
            default -> {}
        }
    }

    /**
     * A waiting customer asks for a person again ("hello??"): they learn where they stand instead of being ignored, at
     * most once per queue-notice interval.
     */
    private void reassure(Conversation conversation, Handover handover, Instant now) {
        Duration interval = config.waiting().queueNoticeInterval();
        if (handover.greetingPending
                || (handover.queueNotifiedAt != null && now.isBefore(handover.queueNotifiedAt.plus(interval)))) {
            return;
        }
        NoticeTexts texts = notices.textsFor(handover.language);
        handover.queueNotifiedAt = now;
        if (handover.queuePosition != null && handover.expectedWaitSeconds != null) {
            handover.notifiedPosition = handover.queuePosition;
            handover.notifiedWaitSeconds = handover.expectedWaitSeconds;
            sendQueueUpdate(conversation, handover, texts, now);
        } else {
            notices.send(conversation, NoticePurpose.QUEUE_UPDATE, texts.stillComing(), now);
        }
    }

    private void sendQueueUpdate(Conversation conversation, Handover handover, NoticeTexts texts, Instant now) {
        notices.send(
                conversation,
                NoticePurpose.QUEUE_UPDATE,
                texts.queue(handover.queuePosition, handover.expectedWaitSeconds),
                now);
    }

    private void onAssigned(
            Conversation conversation,
            Handover handover,
            ConversationAssigned assigned,
            NoticeTexts texts,
            Instant now) {
        handover.presenceReported(true, now, config.waiting().waitLimit());
        boolean newAgent = !assigned.agentId().equals(handover.agentId) || handover.state != ControlState.WITH_AGENT;
        if (handover.state != ControlState.WITH_AGENT) {
            publish(handover.moveTo(
                    ControlState.WITH_AGENT,
                    "AGENT_ASSIGNED",
                    assigned.agentName() + " (" + assigned.agentId() + ") took over",
                    now));
        }
        handover.joinedBy(assigned.agentId(), assigned.agentName());
        if (newAgent) {
            notices.send(conversation, NoticePurpose.AGENT_JOINED, texts.agentJoined(assigned.agentName()), now);
        }
    }

    private void moveIfWaiting(Handover handover, ControlState to, String cause, String detail, Instant now) {
        if (handover.state == ControlState.REQUESTED) {
            publish(handover.moveTo(to, cause, detail, now));
        }
    }

    private void backInQueue(Handover handover, Instant now) {
        handover.agentId = null;
        handover.notifiedPosition = null;
        handover.noAgentNotified = false;
        // An agent had the conversation a moment ago: people are there, so the wait limit counts from now.
        handover.startWaiting(now, config.waiting().waitLimit());
    }

    private void requestFollowUp(
            Conversation conversation, Handover handover, FollowUpRequested.Kind kind, Instant now) {
        String reference = "HO-" + handover.handoverId.substring(0, 8).toUpperCase(Locale.ROOT);
        ZonedDateTime opening =
                closedFor(handover, now) ? calendar.nextOpening(now).orElse(null) : null;
        outbox.publish(
                FollowUpRequested.TYPE,
                new FollowUpRequested(
                        handover.handoverId,
                        conversation.conversationId,
                        kind,
                        reference,
                        conversation.customerId,
                        conversation.channel,
                        handover.language,
                        conversation.collectedData,
                        opening == null ? null : opening.toInstant(),
                        now));
        boolean callback = kind == FollowUpRequested.Kind.CALLBACK;
        publish(handover.moveTo(
                ControlState.FAILED,
                callback ? "CALLBACK_REQUESTED" : "TICKET_REQUESTED",
                "No agent could take the conversation; the customer chose " + (callback ? "a callback" : "a ticket")
                        + " (" + reference + ")",
                now));
        conversation.closeWindow(Turn.lastSeq(conversation.conversationId));
        NoticeTexts texts = notices.textsFor(handover.language);
        notices.send(
                conversation,
                NoticePurpose.FOLLOW_UP_CONFIRMED,
                callback ? texts.callbackConfirmed(reference, opening) : texts.ticketConfirmed(reference, opening),
                now);
    }

    private Optional<FollowUpRequested.Kind> followUpChoice(String text, String intent) {
        if (intent != null && config.followUp().callbackIntents().contains(intent)) {
            return Optional.of(FollowUpRequested.Kind.CALLBACK);
        }
        if (intent != null && config.followUp().ticketIntents().contains(intent)) {
            return Optional.of(FollowUpRequested.Kind.TICKET);
        }
        if (text == null) {
            return Optional.empty();
        }
        if (mentions(text, config.followUp().callbackKeywords())) {
            return Optional.of(FollowUpRequested.Kind.CALLBACK);
        }
        if (mentions(text, config.followUp().ticketKeywords())) {
            return Optional.of(FollowUpRequested.Kind.TICKET);
        }
        return Optional.empty();
    }

    private static boolean mentions(String text, List<String> keywords) {
        String lower = text.toLowerCase(Locale.ROOT);
        return keywords.stream()
                .anyMatch(keyword -> Pattern.compile("(?<![\\p{L}\\p{N}])"
                                + Pattern.quote(keyword.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])")
                        .matcher(lower)
                        .find());
    }

    private String languageOf(Conversation conversation, Turn trigger) {
        List<String> candidates = new ArrayList<>();
        candidates.add(trigger.language);
        candidates.add(conversation.language);
        return candidates.stream()
                .filter(language -> language != null && !language.isBlank())
                .findFirst()
                .orElse(config.defaultLanguage());
    }

    private void publish(Optional<HandoverStateChanged> change) {
        change.ifPresent(transition -> outbox.publish(HandoverStateChanged.TYPE, transition));
    }

    private static String handoverIdOf(Object payload) {
        if (payload instanceof QueuePositionChanged event) {
            return event.handoverId();
        } else if (payload instanceof ConversationOffered event) {
            return event.handoverId();
        } else if (payload instanceof OfferDeclined event) {
            return event.handoverId();
        } else if (payload instanceof ConversationAssigned event) {
            return event.handoverId();
        } else if (payload instanceof ConversationRequeued event) {
            return event.handoverId();
        } else if (payload instanceof ConversationTransferred event) {
            return event.handoverId();
        } else if (payload instanceof ConversationResolved event) {
            return event.handoverId();
        } else if (payload instanceof ConversationHandedBack event) {
            return event.handoverId();
        }
        return null;
    }
}
