package dev.takeover.webchat.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.webchat.Conversations;

/**
 * What the bot, handover-service and agents send to customers. Every instance is in one consumer group, so each record
 * is logged once; the log's notifications bring it to whichever instance holds the customer's sockets.
 */
@ApplicationScoped
public class OutboundMessageConsumer {

    private final Conversations conversations;

    OutboundMessageConsumer(Conversations conversations) {
        this.conversations = conversations;
    }

    @Incoming("outbound-messages")
    @Blocking
    public void outbound(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> conversations.deliver(ReceivedEvent.decode(record, MessageSent.TYPE)));
    }
}
