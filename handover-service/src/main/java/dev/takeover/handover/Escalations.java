package dev.takeover.handover;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.takeover.common.delivery.Outbox;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.IncidentTagChanged;
import dev.takeover.handover.policy.CurrentPolicy;
import dev.takeover.handover.policy.Decision;
import dev.takeover.handover.policy.PolicyInput;
import dev.takeover.handover.waiting.WaitingPolicy;

/**
 * The escalation use case: whether a conversation goes to a person (the policy decides on the turns since the last
 * escalation), opening the handover when it does, and tagging conversations with the incidents they are about. The
 * caller holds the conversation's lock and the transaction.
 */
@ApplicationScoped
public class Escalations {

    private static final Logger LOG = Logger.getLogger(Escalations.class);

    private final CurrentPolicy policy;
    private final WaitingPolicy waiting;
    private final StateChanges changes;
    private final Outbox outbox;
    private final CustomerHistory history;
    private final HandoverConfig config;
    private final WorkingSet workingSet;

    Escalations(
            CurrentPolicy policy,
            WaitingPolicy waiting,
            StateChanges changes,
            Outbox outbox,
            CustomerHistory history,
            HandoverConfig config,
            WorkingSet workingSet) {
        this.policy = policy;
        this.waiting = waiting;
        this.changes = changes;
        this.outbox = outbox;
        this.history = history;
        this.config = config;
        this.workingSet = workingSet;
    }

    /** Asks the policy about the turns of the window up to this one, and escalates if it says so. */
    void decide(Conversation conversation, Turn trigger, Instant now) {
        if (trigger.seq <= conversation.windowStartSeq || !trigger.analysed) {
            return;
        }
        List<Turn> window = workingSet.window(conversation);
        int upTo = window.indexOf(trigger) + 1;
        if (upTo == 0) {
            return;
        }
        PolicyInput view = new PolicyInput(
                conversation.conversationId,
                conversation.customerId,
                conversation.attributes,
                window.subList(0, upTo).stream().map(Turn::view).toList(),
                history.earlierContacts(conversation, now),
                workingSet.activeIncident(conversation).map(Incident::view).orElse(null));
        Decision decision = policy.get().decide(view);
        if (decision.escalate()) {
            escalate(conversation, decision, trigger, now);
        }
    }

    private void escalate(Conversation conversation, Decision decision, Turn trigger, Instant now) {
        String language = Stream.of(trigger.language, conversation.language)
                .filter(candidate -> candidate != null && !candidate.isBlank())
                .findFirst()
                .orElse(config.defaultLanguage());
        Handover handover = Handover.request(conversation.conversationId, decision, language, now);
        workingSet.opened(handover);
        conversation.closeWindow(Turn.lastSeq(conversation.conversationId));
        changes.publish(conversation, Optional.of(handover.opened()));
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
                        HandoverPackages.of(
                                conversation,
                                Turn.ofConversation(conversation.conversationId),
                                Reply.fromBot(conversation.conversationId),
                                decision.allReasons(),
                                waiting.texts(handover).language()),
                        handover.incidentId));
        changes.apply(
                conversation,
                Outcome.told(waiting.escalated(handover, conversation, workingSet.activeIncident(conversation))),
                now);
        LOG.infof(
                "conversation %s escalated (handover %s, %s, priority %s)",
                conversation.conversationId, handover.handoverId, handover.reasonCodes, handover.priority);
    }

    /** Tags the conversation with the first active incident it matches, and tells a waiting customer about it. */
    void matchIncidents(Conversation conversation, Turn turn, Instant now) {
        if (conversation.incidentId != null) {
            return;
        }
        workingSet.activeIncidents().stream()
                .filter(incident -> incident.matches(turn.intent, turn.text))
                .findFirst()
                .ifPresent(incident -> tag(conversation, incident, now));
    }

    void tag(Conversation conversation, Incident incident, Instant now) {
        conversation.taggedWith(incident.incidentId);
        outbox.publish(
                IncidentTagChanged.TYPE,
                new IncidentTagChanged(
                        conversation.conversationId, incident.incidentId, incident.description, true, now));
        workingSet
                .openHandover(conversation.conversationId)
                .ifPresent(handover ->
                        changes.apply(conversation, Outcome.told(waiting.incidentTagged(handover, incident)), now));
    }

    void untag(Conversation conversation, Incident incident, Instant now) {
        conversation.untagged();
        outbox.publish(
                IncidentTagChanged.TYPE,
                new IncidentTagChanged(
                        conversation.conversationId, incident.incidentId, incident.description, false, now));
        workingSet
                .openHandover(conversation.conversationId)
                .ifPresent(handover -> changes.apply(conversation, Outcome.told(waiting.incidentEnded(handover)), now));
    }
}
