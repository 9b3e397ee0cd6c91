package dev.takeover.agent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.agent.customer.CustomerData;
import dev.takeover.common.consuming.BatchConsumer;
import dev.takeover.common.consuming.Consuming;
import dev.takeover.common.consuming.EventHandlers;
import dev.takeover.events.transcript.CustomerDataErased;

/** Erasure requests (GDPR) from transcript-service. */
@ApplicationScoped
public class TranscriptEventConsumer {

    private final BatchConsumer consumer;

    TranscriptEventConsumer(Consuming consuming, CustomerData customerData) {
        this.consumer = consuming.consumer(
                "transcript-events",
                EventHandlers.builder()
                        .on(CustomerDataErased.TYPE, customerData::onErased)
                        .build());
    }

    @Incoming("transcript-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(records);
    }
}
