package dev.takeover.handover.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.handover.Handovers;

/** Customer messages (for context) and the bot's analyses (for the decision). */
@ApplicationScoped
public class ConversationConsumers {

    private final Handovers handovers;

    ConversationConsumers(Handovers handovers) {
        this.handovers = handovers;
    }

    @Incoming("customer-messages")
    @Blocking
    public void customerMessage(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> handovers.onCustomerMessage(ReceivedEvent.decode(record, InboundMessage.TYPE)));
    }

    @Incoming("analyses")
    @Blocking
    public void analysis(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> handovers.onMessageAnalyzed(ReceivedEvent.decode(record, MessageAnalyzed.TYPE)));
    }
}
