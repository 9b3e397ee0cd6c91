package dev.takeover.bot.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.bot.Bot;
import dev.takeover.common.consuming.BatchConsumer;
import dev.takeover.common.consuming.Consuming;
import dev.takeover.common.consuming.EventHandlers;
import dev.takeover.events.transcript.CustomerDataErased;

/** GDPR erasures from transcript-service. */
@ApplicationScoped
public class ErasureConsumer {

    private final BatchConsumer consumer;

    ErasureConsumer(Consuming consuming, Bot bot) {
        this.consumer = consuming.consumer(
                "erasures",
                EventHandlers.builder()
                        .on(CustomerDataErased.TYPE, bot::onCustomerDataErased)
                        .build());
    }

    @Incoming("erasures")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(records);
    }
}
