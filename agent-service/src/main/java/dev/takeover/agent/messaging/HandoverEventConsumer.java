package dev.takeover.agent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.agent.Routing;
import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;

/** Takeover requests from handover-service, and the end of handovers it closes (abandoned, failed, ...). */
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
            } else if (event.type().equals(HandoverStateChanged.TYPE)) {
                routing.onHandoverStateChanged(ReceivedEvent.decode(record, HandoverStateChanged.TYPE));
            }
        });
    }
}
