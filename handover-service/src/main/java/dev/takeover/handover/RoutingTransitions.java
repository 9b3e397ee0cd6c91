package dev.takeover.handover;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import jakarta.enterprise.context.ApplicationScoped;

import dev.takeover.events.EventType;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationRequeued;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.agent.ConversationTransferred;
import dev.takeover.events.agent.OfferDeclined;
import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.events.agent.RoutingEvent;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.handover.waiting.Notice;
import dev.takeover.handover.waiting.WaitingPolicy;

/**
 * What each of agent-service's routing events does to an open handover, as one table: from which control states it
 * moves the handover, to which, with what cause and detail, and what the waiting phase makes of it. The waiting phase
 * sees the handover as it was before the move (whether the agent is new, whether it was with an agent).
 */
@ApplicationScoped
public class RoutingTransitions {

    private static final Set<ControlState> REQUESTED = EnumSet.of(ControlState.REQUESTED);
    private static final Set<ControlState> WAITING = EnumSet.of(ControlState.REQUESTED, ControlState.QUEUED);
    private static final Set<ControlState> WITH_AGENT = EnumSet.of(ControlState.WITH_AGENT);
    private static final Set<ControlState> OPEN =
            EnumSet.of(ControlState.REQUESTED, ControlState.QUEUED, ControlState.WITH_AGENT);

    private final Map<EventType<?>, Rule<?>> rules = new HashMap<>();

    RoutingTransitions(WaitingPolicy waiting) {
        on(
                QueuePositionChanged.TYPE,
                REQUESTED,
                ControlState.QUEUED,
                report -> "QUEUED",
                report -> "Position " + report.position() + ", expected wait " + report.expectedWaitSeconds() + "s, "
                        + report.matchingAgentsOnline() + " matching agent(s) online",
                waiting::queueReported);
        on(
                ConversationOffered.TYPE,
                REQUESTED,
                ControlState.QUEUED,
                offered -> "OFFERED",
                offered -> "Offered to agent " + offered.agentId(),
                (handover, conversation, offered) -> waiting.offered(handover, offered));
        on(
                OfferDeclined.TYPE,
                REQUESTED,
                ControlState.QUEUED,
                declined -> declined.timedOut() ? "OFFER_EXPIRED" : "OFFER_DECLINED",
                declined ->
                        "Agent " + declined.agentId() + (declined.timedOut() ? " let the offer expire" : " declined"),
                (handover, conversation, declined) -> List.of());
        on(
                ConversationAssigned.TYPE,
                WAITING,
                ControlState.WITH_AGENT,
                assigned -> "AGENT_ASSIGNED",
                assigned -> assigned.agentName() + " (" + assigned.agentId() + ") took over",
                (handover, conversation, assigned) -> waiting.assigned(handover, assigned));
        on(
                ConversationRequeued.TYPE,
                WITH_AGENT,
                ControlState.QUEUED,
                requeued -> "REQUEUED",
                ConversationRequeued::reason,
                (handover, conversation, requeued) -> waiting.requeued(handover, requeued));
        // Handed to another agent directly, it stays with an agent; handed to a team, it waits in the team's queue.
        rule(new Rule<>(
                ConversationTransferred.TYPE,
                WITH_AGENT,
                transferred -> transferred.toTeam() != null,
                ControlState.QUEUED,
                transferred -> "TRANSFERRED",
                transferred -> "Transferred to team " + transferred.toTeam(),
                (handover, conversation, transferred) -> waiting.transferred(handover, transferred)));
        on(
                ConversationResolved.TYPE,
                OPEN,
                ControlState.RESOLVED,
                resolved -> "RESOLVED_BY_AGENT",
                resolved -> "Resolved by agent " + resolved.agentId(),
                (handover, conversation, resolved) -> waiting.resolved(handover, resolved));
        on(
                ConversationHandedBack.TYPE,
                OPEN,
                ControlState.HANDED_BACK,
                handedBack -> "HANDED_BACK_BY_AGENT",
                handedBack -> "Handed back to the bot by agent " + handedBack.agentId(),
                (handover, conversation, handedBack) -> waiting.handedBack(handover, handedBack));
    }

    /** The routing event's effect on the open handover it names. */
    public <T extends RoutingEvent> Outcome apply(
            EventType<T> type, T event, Handover handover, Conversation conversation, Instant now) {
        @SuppressWarnings("unchecked") // registered under the same type: see rule()
        Rule<T> rule = (Rule<T>) rules.get(type);
        if (rule == null) {
            throw new IllegalArgumentException("no transition for " + type);
        }
        List<Notice> notices = rule.waiting().apply(handover, conversation, event);
        Optional<HandoverStateChanged> change = rule.from().contains(handover.state)
                        && rule.when().test(event)
                ? handover.moveTo(
                        rule.to(), rule.cause().apply(event), rule.detail().apply(event), now)
                : Optional.empty();
        return new Outcome(change, notices);
    }

    /** What the waiting phase makes of a routing event. */
    @FunctionalInterface
    interface WaitingEffect<T> {
        List<Notice> apply(Handover handover, Conversation conversation, T event);
    }

    private record Rule<T extends RoutingEvent>(
            EventType<T> type,
            Set<ControlState> from,
            Predicate<T> when,
            ControlState to,
            Function<T, String> cause,
            Function<T, String> detail,
            WaitingEffect<T> waiting) {}

    private <T extends RoutingEvent> void on(
            EventType<T> type,
            Set<ControlState> from,
            ControlState to,
            Function<T, String> cause,
            Function<T, String> detail,
            WaitingEffect<T> waiting) {
        rule(new Rule<>(type, from, event -> true, to, cause, detail, waiting));
    }

    private void rule(Rule<?> rule) {
        if (rules.putIfAbsent(rule.type(), rule) != null) {
            throw new IllegalStateException("a second transition for " + rule.type());
        }
    }
}
