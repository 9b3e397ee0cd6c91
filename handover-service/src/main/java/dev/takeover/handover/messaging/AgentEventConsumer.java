package dev.takeover.handover.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.common.consuming.BatchConsumer;
import dev.takeover.common.consuming.Consuming;
import dev.takeover.common.consuming.EventHandlers;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationRequeued;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.agent.ConversationTransferred;
import dev.takeover.events.agent.OfferDeclined;
import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.handover.Handovers;
import dev.takeover.handover.WorkingSet;

/**
 * agent-service's queue and assignment events, which move the control state while a person is involved. Internal
 * notes are agent-service's and the transcript's business, not the control state's.
 */
@ApplicationScoped
public class AgentEventConsumer {

    private final BatchConsumer consumer;

    AgentEventConsumer(Consuming consuming, Handovers handovers, WorkingSet workingSet) {
        this.consumer = consuming.consumer(
                "agent-events",
                EventHandlers.builder()
                        .loadFirst(workingSet::load)
                        .on(QueuePositionChanged.TYPE, handovers::onRoutingEvent)
                        .on(ConversationOffered.TYPE, handovers::onRoutingEvent)
                        .on(OfferDeclined.TYPE, handovers::onRoutingEvent)
                        .on(ConversationAssigned.TYPE, handovers::onRoutingEvent)
                        .on(ConversationRequeued.TYPE, handovers::onRoutingEvent)
                        .on(ConversationTransferred.TYPE, handovers::onRoutingEvent)
                        .on(ConversationResolved.TYPE, handovers::onRoutingEvent)
                        .on(ConversationHandedBack.TYPE, handovers::onRoutingEvent)
                        .build());
    }

    @Incoming("agent-events")
    @Blocking
    public void agentEvents(ConsumerRecords<String, byte[]> records) {
        consumer.consume(records);
    }
}
