package dev.takeover.agent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.agent.Routing;
import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.handover.HandoverRequested;

/** Takeover requests from handover-service; other handover events are not routing's business yet. */
@ApplicationScoped
public class HandoverEventConsumer {

    private final Routing routing;

    HandoverEventConsumer(Routing routing) {
        this.routing = routing;
    }

    @Incoming("handover-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> {
            ReceivedEvent<?> event = ReceivedEvent.decode(record);
            if (event.type().equals(HandoverRequested.TYPE)) {
                routing.onHandoverRequested(ReceivedEvent.decode(record, HandoverRequested.TYPE));
            }
        });
    }
}
