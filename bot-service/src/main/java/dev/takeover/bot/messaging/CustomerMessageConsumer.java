package dev.takeover.bot.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.bot.Bot;
import dev.takeover.common.consuming.BatchConsumer;
import dev.takeover.common.consuming.Consuming;
import dev.takeover.common.consuming.EventHandlers;
import dev.takeover.events.conversation.InboundMessage;

/**
 * Customer messages from the channel adapters. Each is analysed on its own for now; the NLU's batch call, when it
 * comes, belongs in {@code EventHandlers.Builder#prepare}, which sees every new message of the batch at once.
 */
@ApplicationScoped
public class CustomerMessageConsumer {

    private final BatchConsumer consumer;

    CustomerMessageConsumer(Consuming consuming, Bot bot) {
        this.consumer = consuming.consumer(
                "customer-messages",
                EventHandlers.builder()
                        .on(InboundMessage.TYPE, bot::onCustomerMessage)
                        .build());
    }

    @Incoming("customer-messages")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(records);
    }
}
