package dev.takeover.bot.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.bot.Bot;
import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.conversation.InboundMessage;

/** Customer messages from the channel adapters.  */
@ApplicationScoped
public class CustomerMessageConsumer {

    private final Bot bot;

    CustomerMessageConsumer(Bot bot) {
        this.bot = bot;
    }

    @Incoming("customer-messages")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> bot.onCustomerMessage(ReceivedEvent.decode(record, InboundMessage.TYPE)));
    }
}
