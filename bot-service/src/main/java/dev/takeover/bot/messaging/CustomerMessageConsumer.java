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
 * Customer messages from the channel adapters. A batch's new messages are understood in one model call first; then
 * each is handled on its own, in order.
 */
@ApplicationScoped
public class CustomerMessageConsumer {

    private final BatchConsumer consumer;

    CustomerMessageConsumer(Consuming consuming, Bot bot) {
        this.consumer = consuming.consumer(
                "customer-messages",
                EventHandlers.builder()
                        .prepare(batch -> bot.understandAhead(batch.of(InboundMessage.TYPE)))
                        .on(InboundMessage.TYPE, bot::onCustomerMessage)
                        .build());
    }

    @Incoming("customer-messages")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(records);
    }
}
