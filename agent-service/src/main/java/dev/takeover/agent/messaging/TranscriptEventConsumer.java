package dev.takeover.agent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.agent.CustomerData;
import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.transcript.CustomerDataErased;

/** Erasure requests (GDPR) from transcript-service. */
@ApplicationScoped
public class TranscriptEventConsumer {

    private final CustomerData customerData;

    TranscriptEventConsumer(CustomerData customerData) {
        this.customerData = customerData;
    }

    @Incoming("transcript-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> {
            ReceivedEvent<?> event = ReceivedEvent.decode(record);
            if (event.type().equals(CustomerDataErased.TYPE)) {
                customerData.onErased(ReceivedEvent.decode(record, CustomerDataErased.TYPE));
            }
        });
    }
}
