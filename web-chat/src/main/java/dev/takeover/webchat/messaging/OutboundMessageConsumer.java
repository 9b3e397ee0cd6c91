package dev.takeover.webchat.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.common.consuming.BatchConsumer;
import dev.takeover.common.consuming.Consuming;
import dev.takeover.common.consuming.EventHandlers;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.webchat.Conversations;

/**
 * What the bot, handover-service and agents send to customers. Every instance is in one consumer group, so each record
 * is logged once; the log's notifications bring it to whichever instance holds the customer's sockets.
 */
@ApplicationScoped
public class OutboundMessageConsumer {

    private final BatchConsumer consumer;

    OutboundMessageConsumer(Consuming consuming, Conversations conversations) {
        this.consumer = consuming.consumer(
                "outbound-messages",
                EventHandlers.builder()
                        .on(MessageSent.TYPE, conversations::deliver)
                        .build());
    }

    @Incoming("outbound-messages")
    @Blocking
    public void outbound(ConsumerRecords<String, byte[]> records) {
        consumer.consume(records);
    }
}
