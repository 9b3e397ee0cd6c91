package dev.takeover.agent.live;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.agent.ConversationView;
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

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);

    private final AgentStreams streams;
    private final LiveLookups lookups;

    LiveFeed(AgentStreams streams, LiveLookups lookups) {
        this.streams = streams;
        this.lookups = lookups;
    }

    @Incoming("live-agent-events")
    @Blocking
    public void agentEvent(ConsumerRecord<String, byte[]> record) {
        deliver(record, event -> {
            ConversationEvent payload = event.payload();
            if (payload instanceof ConversationOffered offered) {
                toAgent(offered.agentId(), event, lookups.byHandover(offered.handoverId()));
            } else if (payload instanceof ConversationAssigned assigned) {
                toAgent(assigned.agentId(), event, lookups.byHandover(assigned.handoverId()));
            } else if (payload instanceof OfferDeclined declined) {
                toAgent(declined.agentId(), event, lookups.byHandover(declined.handoverId()));
            } else if (payload instanceof ConversationTransferred transferred) {
                toAgent(transferred.fromAgentId(), event, lookups.byHandover(transferred.handoverId()));
            } else if (payload instanceof ConversationRequeued requeued) {
                toAgent(requeued.agentId(), event, lookups.byHandover(requeued.handoverId()));
            } else if (payload instanceof ConversationResolved resolved) {
                toAgent(resolved.agentId(), event, lookups.byHandover(resolved.handoverId()));
            } else if (payload instanceof ConversationHandedBack handedBack) {
                toAgent(handedBack.agentId(), event, lookups.byHandover(handedBack.handoverId()));
            } else if (payload instanceof InternalNoteAdded note) {
                lookups.latest(note.conversationId())
                        .filter(conversation -> !note.agentId().equals(conversation.agentId()))
                        .ifPresent(conversation -> toAgent(conversation.agentId(), event, Optional.of(conversation)));
            }
        });
    }

    @Incoming("live-customer-messages")
    @Blocking
    public void customerMessage(ConsumerRecord<String, byte[]> record) {
        deliver(record, event -> {
            if (event.payload() instanceof InboundMessage) {
                toHandlingAgent(event);
            }
        });
    }

    @Incoming("live-analyses")
    @Blocking
    public void analysis(ConsumerRecord<String, byte[]> record) {
        deliver(record, event -> {
            if (event.payload() instanceof MessageAnalyzed) {
                toHandlingAgent(event);
            }
        });
    }

    /** The customer left or the handover failed while an agent had it. */
    @Incoming("live-handover-events")
    @Blocking
    public void handoverEvent(ConsumerRecord<String, byte[]> record) {
        deliver(record, event -> {
            if (event.payload() instanceof HandoverStateChanged change
                    && (change.to() == ControlState.ABANDONED || change.to() == ControlState.FAILED)) {
                lookups.byHandover(change.handoverId())
                        .ifPresent(conversation -> toAgent(conversation.agentId(), event, Optional.of(conversation)));
            }
        });
    }

    private void toHandlingAgent(ReceivedEvent<?> event) {
        lookups.handled(event.conversationId())
                .ifPresent(conversation -> toAgent(conversation.agentId(), event, Optional.of(conversation)));
    }

    private void toAgent(String agentId, ReceivedEvent<?> event, Optional<ConversationView> conversation) {
        streams.send(
                agentId,
                new LiveUpdate(
                        event.type().name(), event.conversationId(), event.payload(), conversation.orElse(null)));
    }

    private void deliver(ConsumerRecord<String, byte[]> record, java.util.function.Consumer<ReceivedEvent<?>> action) {
        if (!streams.anyConnected()) {
            return;
        }
        try {
            action.accept(ReceivedEvent.decode(record));
        } catch (RuntimeException e) {
            // The durable consumers park malformed records; the live feed only skips them. Never log the content.
            LOG.debugf(
                    "live feed skipped a record on %s: %s",
                    record.topic(), e.getClass().getSimpleName());
        }
    }
}
