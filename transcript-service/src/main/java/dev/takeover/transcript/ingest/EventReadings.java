package dev.takeover.transcript.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventType;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.agent.BotAnswerFlagged;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationRequeued;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.agent.ConversationTransferred;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.agent.OfferDeclined;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.transcript.EntryKind;
import dev.takeover.transcript.EntrySender;

/**
 * What the log reads from each event type, in one table: what kind of entry it is, who acted, what it says about the
 * conversation and its agents, and how it moves the control state. A type not in the table is an event of its topic,
 * by the service that published it, and says nothing more; a new event type is added here once.
 */
final class EventReadings {

    /** How the log reads one event type; a function that answers null leaves the default. */
    record Reading<T extends ConversationEvent>(
            EventType<T> type,
            EntryKind kind,
            Function<T, String> causedBy,
            Function<T, EntrySender> sender,
            Function<T, ConversationFacts> facts,
            Function<T, List<AgentInvolvement>> agents,
            Function<T, ControlStateChange> controlState) {

        static <T extends ConversationEvent> Reading<T> of(EventType<T> type) {
            return new Reading<>(
                    type,
                    null,
                    event -> null,
                    event -> null,
                    event -> ConversationFacts.NONE,
                    event -> List.of(),
                    event -> null);
        }

        Reading<T> kind(EntryKind value) {
            return new Reading<>(type, value, causedBy, sender, facts, agents, controlState);
        }

        Reading<T> causedBy(Function<T, String> value) {
            return new Reading<>(type, kind, value, sender, facts, agents, controlState);
        }

        Reading<T> sender(Function<T, EntrySender> value) {
            return new Reading<>(type, kind, causedBy, value, facts, agents, controlState);
        }

        Reading<T> facts(Function<T, ConversationFacts> value) {
            return new Reading<>(type, kind, causedBy, sender, value, agents, controlState);
        }

        Reading<T> agents(Function<T, List<AgentInvolvement>> value) {
            return new Reading<>(type, kind, causedBy, sender, facts, value, controlState);
        }

        Reading<T> controlState(Function<T, ControlStateChange> value) {
            return new Reading<>(type, kind, causedBy, sender, facts, agents, value);
        }
    }

    private static final Map<EventType<?>, Reading<?>> READINGS = table(
            Reading.of(InboundMessage.TYPE)
                    .kind(EntryKind.MESSAGE)
                    .sender(message -> EntrySender.customer(message.customerId(), message.customerName()))
                    .facts(message -> new ConversationFacts(
                            message.customerId(), message.customerName(), message.channel(), message.language())),
            Reading.of(MessageSent.TYPE)
                    .kind(EntryKind.MESSAGE)
                    .sender(message -> new EntrySender(
                            EntrySender.Type.valueOf(message.sender().type().name()),
                            message.sender().id(),
                            message.sender().name()))
                    .facts(message -> new ConversationFacts(null, null, message.channel(), null))
                    .agents(message -> message.sender().type() == Sender.Type.AGENT
                            ? List.of(AgentInvolvement.handled(
                                    message.sender().id(), message.sender().name()))
                            : List.of()),
            Reading.of(MessageAnalyzed.TYPE)
                    .causedBy(analysis ->
                            ReceivedEvent.customerMessageKey(analysis.conversationId(), analysis.messageId()))
                    .facts(analysis -> new ConversationFacts(null, null, null, analysis.language())),
            Reading.of(HandoverRequested.TYPE)
                    .facts(requested -> {
                        HandoverPackage handoverPackage = requested.handoverPackage();
                        return new ConversationFacts(
                                handoverPackage.customerId(),
                                handoverPackage.customerName(),
                                handoverPackage.channel(),
                                requested.language());
                    })
                    .controlState(requested -> new ControlStateChange(ControlState.REQUESTED, requested.requestedAt())),
            Reading.of(HandoverStateChanged.TYPE)
                    .controlState(changed -> new ControlStateChange(changed.to(), changed.changedAt())),
            Reading.of(InternalNoteAdded.TYPE)
                    .kind(EntryKind.NOTE)
                    .sender(note -> EntrySender.agent(note.agentId(), note.agentName())),
            Reading.of(BotAnswerFlagged.TYPE)
                    .sender(flagged -> EntrySender.agent(flagged.agentId(), flagged.agentName())),
            Reading.of(ConversationOffered.TYPE)
                    .agents(offered -> List.of(
                            AgentInvolvement.offered(offered.agentId(), offered.agentName(), offered.expiresAt()))),
            // An offer that timed out was nobody's doing.
            Reading.of(OfferDeclined.TYPE)
                    .sender(declined -> declined.timedOut() ? null : EntrySender.agent(declined.agentId(), null))
                    .agents(declined -> List.of(AgentInvolvement.offerWithdrawn(declined.agentId()))),
            Reading.of(ConversationAssigned.TYPE)
                    .sender(assigned -> EntrySender.agent(assigned.agentId(), assigned.agentName()))
                    .agents(assigned -> List.of(AgentInvolvement.handled(assigned.agentId(), assigned.agentName()))),
            Reading.of(ConversationTransferred.TYPE)
                    .sender(transferred -> EntrySender.agent(transferred.fromAgentId(), null))
                    .agents(transferred -> transferred.toAgentId() == null
                            ? List.of(AgentInvolvement.handled(transferred.fromAgentId(), null))
                            : List.of(
                                    AgentInvolvement.handled(transferred.fromAgentId(), null),
                                    AgentInvolvement.handled(transferred.toAgentId(), null))),
            Reading.of(ConversationRequeued.TYPE)
                    .agents(requeued -> List.of(AgentInvolvement.handled(requeued.agentId(), null))),
            Reading.of(ConversationResolved.TYPE)
                    .sender(resolved -> EntrySender.agent(resolved.agentId(), null))
                    .agents(resolved -> List.of(AgentInvolvement.handled(resolved.agentId(), null))),
            Reading.of(ConversationHandedBack.TYPE)
                    .sender(handedBack -> EntrySender.agent(handedBack.agentId(), null))
                    .agents(handedBack -> List.of(AgentInvolvement.handled(handedBack.agentId(), null))));

    private EventReadings() {}

    @SuppressWarnings("unchecked") // registered under its own type: see table()
    static <T extends ConversationEvent> Reading<T> of(EventType<T> type) {
        Reading<?> reading = READINGS.get(type);
        return reading == null ? Reading.of(type) : (Reading<T>) reading;
    }

    private static Map<EventType<?>, Reading<?>> table(Reading<?>... readings) {
        Map<EventType<?>, Reading<?>> table = new HashMap<>();
        for (Reading<?> reading : readings) {
            if (table.put(reading.type(), reading) != null) {
                throw new IllegalStateException("two readings of " + reading.type());
            }
        }
        return Map.copyOf(table);
    }
}
