package dev.takeover.handover.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.bot.CustomerDataCollected;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.transcript.CustomerDataErased;
import dev.takeover.handover.Handovers;

/**
 * The conversation as it unfolds: customer messages (context), the bot's analyses (the decision), what the bot and
 * agents sent (what was tried, who owes whom an answer), and erasure requests.
 */
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
        Retrying.process(() -> {
            ReceivedEvent<?> event = ReceivedEvent.decode(record);
            if (event.type().equals(MessageAnalyzed.TYPE)) {
                handovers.onMessageAnalyzed(ReceivedEvent.decode(record, MessageAnalyzed.TYPE));
            } else if (event.type().equals(CustomerDataCollected.TYPE)) {
                handovers.onCustomerDataCollected(ReceivedEvent.decode(record, CustomerDataCollected.TYPE));
            }
        });
    }

    @Incoming("outbound-messages")
    @Blocking
    public void outboundMessage(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> handovers.onMessageSent(ReceivedEvent.decode(record, MessageSent.TYPE)));
    }

    @Incoming("transcript-events")
    @Blocking
    public void transcriptEvent(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> {
            ReceivedEvent<?> event = ReceivedEvent.decode(record);
            if (event.type().equals(CustomerDataErased.TYPE)) {
                handovers.onCustomerDataErased(ReceivedEvent.decode(record, CustomerDataErased.TYPE));
            }
        });
    }
}
