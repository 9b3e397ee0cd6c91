package dev.takeover.agent.live;

import java.util.Optional;
import java.util.function.Function;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.agent.ConversationView;
import dev.takeover.common.consuming.Consuming;
import dev.takeover.common.consuming.EventHandler;
import dev.takeover.common.consuming.EventHandlers;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.ReceivedEvent;
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
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverStateChanged;

/**
 * Feeds the agents' live streams. Every instance reads these topics in its own consumer group from the latest offset,
 * so whichever instance holds an agent's stream hears what concerns them: their offers and assignments (from
 * agent.events, published after the deciding transaction committed), their customers' new messages and moods, and
 * customers who left. Delivery here is best effort by design; the durable state is in the API.
 */
@ApplicationScoped
public class LiveFeed {

    private final AgentStreams streams;
    private final LiveLookups lookups;
    private final Consuming consuming;
    private final EventHandlers handlers;

    LiveFeed(AgentStreams streams, LiveLookups lookups, Consuming consuming) {
        this.streams = streams;
        this.lookups = lookups;
        this.consuming = consuming;
        this.handlers = EventHandlers.builder()
                .on(ConversationOffered.TYPE, toAgentOf(ConversationOffered::agentId, ConversationOffered::handoverId))
                .on(
                        ConversationAssigned.TYPE,
                        toAgentOf(ConversationAssigned::agentId, ConversationAssigned::handoverId))
                .on(OfferDeclined.TYPE, toAgentOf(OfferDeclined::agentId, OfferDeclined::handoverId))
                .on(
                        ConversationTransferred.TYPE,
                        toAgentOf(ConversationTransferred::fromAgentId, ConversationTransferred::handoverId))
                .on(
                        ConversationRequeued.TYPE,
                        toAgentOf(ConversationRequeued::agentId, ConversationRequeued::handoverId))
                .on(
                        ConversationResolved.TYPE,
                        toAgentOf(ConversationResolved::agentId, ConversationResolved::handoverId))
                .on(
                        ConversationHandedBack.TYPE,
                        toAgentOf(ConversationHandedBack::agentId, ConversationHandedBack::handoverId))
                .on(InternalNoteAdded.TYPE, this::toOtherAgent)
                .on(InboundMessage.TYPE, this::toHandlingAgent)
                .on(MessageAnalyzed.TYPE, this::toHandlingAgent)
                .on(HandoverStateChanged.TYPE, this::customerLeft)
                .build();
    }

    /** One consumer for the four topics: each consumer polls on its own, which costs CPU even when idle. */
    @Incoming("live-events")
    @Blocking
    public void events(ConsumerRecords<String, byte[]> records) {
        if (streams.anyConnected()) {
            consuming.deliverBestEffort(records, handlers);
        }
    }

    /** The customer left or the handover failed while an agent had it. */
    private void customerLeft(ReceivedEvent<HandoverStateChanged> event) {
        HandoverStateChanged change = event.payload();
        if (change.to() == ControlState.ABANDONED || change.to() == ControlState.FAILED) {
            lookups.byHandover(change.handoverId())
                    .ifPresent(conversation -> toAgent(conversation.agentId(), event, Optional.of(conversation)));
        }
    }

    /** A colleague's note on a conversation the agent handles. */
    private void toOtherAgent(ReceivedEvent<InternalNoteAdded> event) {
        InternalNoteAdded note = event.payload();
        lookups.latest(note.conversationId())
                .filter(conversation -> !note.agentId().equals(conversation.agentId()))
                .ifPresent(conversation -> toAgent(conversation.agentId(), event, Optional.of(conversation)));
    }

    private void toHandlingAgent(ReceivedEvent<?> event) {
        lookups.handled(event.conversationId())
                .ifPresent(conversation -> toAgent(conversation.agentId(), event, Optional.of(conversation)));
    }

    /** To the agent the event names, about the conversation of the handover it names. */
    private <T extends ConversationEvent> EventHandler<T> toAgentOf(
            Function<T, String> agentId, Function<T, String> handoverId) {
        return event ->
                toAgent(agentId.apply(event.payload()), event, lookups.byHandover(handoverId.apply(event.payload())));
    }

    private void toAgent(String agentId, ReceivedEvent<?> event, Optional<ConversationView> conversation) {
        streams.send(
                agentId,
                new LiveUpdate(
                        event.type().name(), event.conversationId(), event.payload(), conversation.orElse(null)));
    }
}
