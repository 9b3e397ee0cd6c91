package dev.takeover.handover.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.handover.Handovers;

/** agent-service's queue and assignment events, which move the control state while a person is involved. */
@ApplicationScoped
public class AgentEventConsumer {

    private final Handovers handovers;

    AgentEventConsumer(Handovers handovers) {
        this.handovers = handovers;
    }

    @Incoming("agent-events")
    @Blocking
    public void agentEvent(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> handovers.onAgentEvent(ReceivedEvent.decode(record)));
    }
}
