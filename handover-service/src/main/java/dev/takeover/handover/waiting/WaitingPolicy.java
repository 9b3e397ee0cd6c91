package dev.takeover.handover.waiting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationRequeued;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.agent.ConversationTransferred;
import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.FollowUpRequested;
import dev.takeover.handover.Conversation;
import dev.takeover.handover.CustomerNotices.Throttle;
import dev.takeover.handover.Handover;
import dev.takeover.handover.HandoverConfig;
import dev.takeover.handover.Incident;
import dev.takeover.handover.Outcome;

/**
 * The waiting phase, from the escalation until a person has the conversation: what the customer is told and when, and
 * the timers that run meanwhile. Plain and unit-tested, like the escalation policy: it changes the handover it is given
 * and returns the notices to send; the caller sends them and publishes the transition.
 */
public final class WaitingPolicy {

    private static final Logger LOG = Logger.getLogger(WaitingPolicy.class);

    private final HandoverConfig.Waiting config;
    private final BusinessCalendar calendar;
    private final String defaultLanguage;
    private final Clock clock;
    private final Throttle throttle;

    public WaitingPolicy(
            HandoverConfig.Waiting config, BusinessCalendar calendar, String defaultLanguage, Clock clock) {
        this.config = config;
        this.calendar = calendar;
        this.defaultLanguage = defaultLanguage;
        this.clock = clock;
        this.throttle = new Throttle(config.queueNoticeInterval(), config.significantWaitChange());
    }

    public NoticeTexts texts(Handover handover) {
        return NoticeTexts.in(handover.language, defaultLanguage);
    }

    /**
     * The handover was just requested: the wait starts, agent-service's word is awaited, and the customer greeted.
     * Both deadlines count from the request itself.
     */
    public List<Notice> escalated(Handover handover, Conversation conversation, Optional<Incident> incident) {
        handover.startWaiting(handover.requestedAt.plus(config.waitLimit()));
        handover.awaitPresence(handover.requestedAt.plus(config.presenceGrace()));
        if (!conversation.canNotify()) {
            handover.greetingPostponed();
            return List.of();
        }
        return greet(handover, conversation, incident);
    }

    /** The customer wrote: greeted now if their channel was unknown before, and not abandoned while they write. */
    public List<Notice> customerWrote(Handover handover, Conversation conversation, Optional<Incident> incident) {
        List<Notice> notices = handover.greetingPending() ? greet(handover, conversation, incident) : List.of();
        handover.customerWrote(clock.instant().plus(config.abandonAfterOffer()));
        return notices;
    }

    public void agentWrote(Handover handover) {
        handover.agentWrote(clock.instant().plus(config.abandonWithAgentAfter()));
    }

    /**
     * A waiting customer asks for a person again ("hello??"): they learn where they stand instead of being ignored, at
     * most once per queue-notice interval.
     */
    public List<Notice> reassure(Handover handover) {
        return switch (handover.reassure(clock.instant(), config.queueNoticeInterval())) {
            case POSITION -> List.of(queueUpdate(handover));
            case STILL_COMING ->
                List.of(new Notice(NoticePurpose.QUEUE_UPDATE, texts(handover).stillComing()));
            case NONE -> List.of();
        };
    }

    /** An incident the conversation is about was tagged: a waiting customer who has been greeted hears of it. */
    public List<Notice> incidentTagged(Handover handover, Incident incident) {
        if (!handover.isWaiting() || handover.greetingPending()) {
            return List.of();
        }
        return List.of(new Notice(NoticePurpose.INCIDENT_NOTICE, texts(handover).incident(incident.customerNotice)));
    }

    public List<Notice> incidentEnded(Handover handover) {
        if (!handover.isWaiting()) {
            return List.of();
        }
        return List.of(
                new Notice(NoticePurpose.INCIDENT_RESOLVED, texts(handover).incidentResolved()));
    }

    /** Agent-service's queue report; a handover with an agent has left the queue, whatever a late report says. */
    public List<Notice> queueReported(Handover handover, Conversation conversation, QueuePositionChanged report) {
        if (handover.state == ControlState.WITH_AGENT) {
            return List.of();
        }
        Instant now = clock.instant();
        handover.presenceReported(report.matchingAgentsOnline() > 0, now.plus(config.waitLimit()));
        return switch (handover.onQueuePosition(report, now, throttle)) {
            case NOW -> List.of(queueUpdate(handover));
            case NO_AGENTS -> tellIfNobodyIsThere(handover, conversation);
            case LATER, NONE -> List.of();
        };
    }

    public List<Notice> offered(Handover handover, ConversationOffered offered) {
        handover.presenceReported(true, clock.instant().plus(config.waitLimit()));
        return List.of();
    }

    /** The customer hears who joined, once per agent: a second assignment to the same agent is no news. */
    public List<Notice> assigned(Handover handover, ConversationAssigned assigned) {
        handover.presenceReported(true, clock.instant().plus(config.waitLimit()));
        boolean newAgent = !assigned.agentId().equals(handover.agentId) || handover.state != ControlState.WITH_AGENT;
        handover.joinedBy(assigned.agentId(), assigned.agentName());
        return newAgent
                ? List.of(new Notice(NoticePurpose.AGENT_JOINED, texts(handover).agentJoined(assigned.agentName())))
                : List.of();
    }

    public List<Notice> requeued(Handover handover, ConversationRequeued requeued) {
        if (handover.state != ControlState.WITH_AGENT) {
            return List.of();
        }
        backInQueue(handover);
        return List.of(new Notice(NoticePurpose.REQUEUED, texts(handover).requeued()));
    }

    public List<Notice> transferred(Handover handover, ConversationTransferred transferred) {
        if (transferred.toTeam() != null && handover.state == ControlState.WITH_AGENT) {
            backInQueue(handover);
        } else if (transferred.toAgentId() != null) {
            handover.joinedBy(transferred.toAgentId(), null);
        }
        return List.of(new Notice(NoticePurpose.TRANSFER, texts(handover).transferred()));
    }

    public List<Notice> resolved(Handover handover, ConversationResolved resolved) {
        return List.of(new Notice(NoticePurpose.RESOLVED, texts(handover).resolved()));
    }

    public List<Notice> handedBack(Handover handover, ConversationHandedBack handedBack) {
        return List.of(new Notice(NoticePurpose.HAND_BACK, texts(handover).handBack(handover.agentName)));
    }

    /** The handover's due timers: abandonment ends it; the others tell the customer where they stand. */
    public Outcome dueTimers(Handover handover, Conversation conversation) {
        Instant now = clock.instant();
        Instant abandonAt = handover.timers().abandonAt();
        if (handover.isDue(abandonAt, now)) {
            Duration silence = handover.state == ControlState.WITH_AGENT
                    ? config.abandonWithAgentAfter()
                    : config.abandonAfterOffer();
            String detail = "No answer from the customer since " + abandonAt.minus(silence);
            return new Outcome(
                    handover.moveTo(ControlState.ABANDONED, "CUSTOMER_UNRESPONSIVE", detail, now),
                    List.of(new Notice(NoticePurpose.ABANDONED, texts(handover).abandoned())));
        }
        List<Notice> notices = new ArrayList<>();
        if (handover.isDue(handover.timers().presenceDueAt(), now)) {
            LOG.infof(
                    "no word from agent-service on handover %s within %s: the business calendar decides",
                    handover.handoverId, config.presenceGrace());
            handover.presenceUnreported();
            notices.addAll(tellIfNobodyIsThere(handover, conversation));
        }
        if (handover.isDue(handover.timers().waitLimitAt(), now) && handover.isWaiting()) {
            if (closedFor(handover, now)) {
                notices.add(tellOutOfHours(handover, now));
            } else {
                // People are there, so silence after this offer means the customer left, also late at night.
                notices.add(
                        new Notice(NoticePurpose.CALLBACK_OFFER, texts(handover).waitLimit()));
                handover.alternativesOffered(now, now.plus(config.abandonAfterOffer()));
            }
        }
        if (handover.isDue(handover.timers().queueNoticeAt(), now)
                && handover.onQueueNoticeDue(now, throttle) == Handover.QueueNotice.NOW) {
            notices.add(queueUpdate(handover));
        }
        return Outcome.told(notices);
    }

    /** The follow-up a waiting customer chose, once they have been offered one. */
    public record FollowUp(String reference, ZonedDateTime opening, Outcome outcome) {}

    public FollowUp followUp(Handover handover, FollowUpRequested.Kind kind) {
        Instant now = clock.instant();
        String reference = "HO-" + handover.handoverId.substring(0, 8).toUpperCase(Locale.ROOT);
        ZonedDateTime opening =
                closedFor(handover, now) ? calendar.nextOpening(now).orElse(null) : null;
        boolean callback = kind == FollowUpRequested.Kind.CALLBACK;
        Optional<dev.takeover.events.handover.HandoverStateChanged> failed = handover.moveTo(
                ControlState.FAILED,
                callback ? "CALLBACK_REQUESTED" : "TICKET_REQUESTED",
                "No agent could take the conversation; the customer chose " + (callback ? "a callback" : "a ticket")
                        + " (" + reference + ")",
                now);
        NoticeTexts texts = texts(handover);
        Notice confirmed = new Notice(
                NoticePurpose.FOLLOW_UP_CONFIRMED,
                callback ? texts.callbackConfirmed(reference, opening) : texts.ticketConfirmed(reference, opening));
        return new FollowUp(reference, opening, new Outcome(failed, List.of(confirmed)));
    }

    /**
     * Tells the customer a person is coming and why. Whether anybody is there is told once it is known (agent-service
     * may already have said so while the customer's channel was still unknown).
     */
    private List<Notice> greet(Handover handover, Conversation conversation, Optional<Incident> incident) {
        NoticeTexts texts = texts(handover);
        handover.greeted();
        List<Notice> notices = new ArrayList<>();
        notices.add(new Notice(NoticePurpose.HANDOVER_NOTICE, texts.handover(handover.cause)));
        notices.addAll(tellIfNobodyIsThere(handover, conversation));
        incident.ifPresent(active ->
                notices.add(new Notice(NoticePurpose.INCIDENT_NOTICE, texts.incident(active.customerNotice))));
        return notices;
    }

    /**
     * Tells a waiting customer, once, that nobody who could help is there, with a callback or a ticket as the
     * alternative: when people are back if it is outside business hours, else that nobody is online. Whether anybody is
     * there is agent-service's word; the calendar's only when agent-service said nothing within the grace. An agent
     * online at night is someone who can help now.
     */
    private List<Notice> tellIfNobodyIsThere(Handover handover, Conversation conversation) {
        if (!handover.isWaiting()
                || handover.greetingPending()
                || handover.notices().noAgentNotified()
                || handover.awaitingPresence()
                || !conversation.canNotify()) {
            return List.of();
        }
        Instant now = clock.instant();
        if (closedFor(handover, now)) {
            return List.of(tellOutOfHours(handover, now));
        }
        if (Boolean.FALSE.equals(handover.agentsOnline())) {
            handover.noAgentsTold(now);
            return List.of(
                    new Notice(NoticePurpose.CALLBACK_OFFER, texts(handover).noAgents()));
        }
        return List.of();
    }

    /**
     * Nobody is there and it is outside business hours: the customer learns when people are back and may choose a
     * callback or a ticket. Nobody is abandoned for waiting overnight; the wait limit counts from the next opening.
     */
    private Notice tellOutOfHours(Handover handover, Instant now) {
        Optional<ZonedDateTime> opening = calendar.nextOpening(now);
        handover.alternativesOffered(now, null);
        handover.nextWaitLimit(
                opening.map(at -> at.toInstant().plus(config.waitLimit())).orElse(null));
        return new Notice(NoticePurpose.OUT_OF_HOURS, texts(handover).outOfHours(opening.orElse(null)));
    }

    /** Outside business hours, and agent-service has not said that someone who could help is online anyway. */
    private boolean closedFor(Handover handover, Instant now) {
        return !calendar.isOpen(now) && !Boolean.TRUE.equals(handover.agentsOnline());
    }

    private Notice queueUpdate(Handover handover) {
        return new Notice(
                NoticePurpose.QUEUE_UPDATE,
                texts(handover)
                        .queue(
                                handover.notices().queuePosition(),
                                handover.notices().expectedWaitSeconds()));
    }

    /** An agent had the conversation a moment ago: people are there, so the wait limit counts from now. */
    private void backInQueue(Handover handover) {
        handover.backInQueue(clock.instant().plus(config.waitLimit()));
    }
}
