package dev.takeover.agent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.agent.routing.Routing;
import dev.takeover.common.consuming.BatchConsumer;
import dev.takeover.common.consuming.Consuming;
import dev.takeover.common.consuming.EventHandlers;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;

/**
 * Takeover requests from handover-service, and the end of handovers it closes (abandoned, failed, ...). A batch's
 * requests all join the queue first, and the queue is routed once for the batch.
 */
@ApplicationScoped
public class HandoverEventConsumer {

    private final BatchConsumer consumer;

    HandoverEventConsumer(Consuming consuming, Routing routing) {
        this.consumer = consuming.consumer(
                "handover-events",
                EventHandlers.builder()
                        .on(HandoverRequested.TYPE, routing::enqueue)
                        .on(HandoverStateChanged.TYPE, routing::end)
                        .finish(routing::routeBatch)
                        .build());
    }

    @Incoming("handover-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(records);
    }
}
