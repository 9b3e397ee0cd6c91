package dev.takeover.handover.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.common.consuming.BatchConsumer;
import dev.takeover.common.consuming.Consuming;
import dev.takeover.common.consuming.EventHandlers;
import dev.takeover.events.bot.CustomerDataCollected;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.transcript.CustomerDataErased;
import dev.takeover.handover.Handovers;
import dev.takeover.handover.WorkingSet;

/**
 * The conversation as it unfolds: customer messages (context), the bot's analyses (the decision), what the bot and
 * agents sent (what was tried, who owes whom an answer), and erasure requests. Each batch's state is loaded at once
 * ({@link WorkingSet}) before its events are handled.
 */
@ApplicationScoped
public class ConversationConsumers {

    private final BatchConsumer customerMessages;
    private final BatchConsumer analyses;
    private final BatchConsumer outboundMessages;
    private final BatchConsumer transcriptEvents;

    ConversationConsumers(Consuming consuming, Handovers handovers, WorkingSet workingSet) {
        this.customerMessages = consuming.consumer(
                "customer-messages",
                EventHandlers.builder()
                        .loadFirst(workingSet::load)
                        .on(InboundMessage.TYPE, handovers::onCustomerMessage)
                        .build());
        this.analyses = consuming.consumer(
                "analyses",
                EventHandlers.builder()
                        .loadFirst(workingSet::load)
                        .on(MessageAnalyzed.TYPE, handovers::onMessageAnalyzed)
                        .on(CustomerDataCollected.TYPE, handovers::onCustomerDataCollected)
                        .build());
        this.outboundMessages = consuming.consumer(
                "outbound-messages",
                EventHandlers.builder()
                        .loadFirst(workingSet::load)
                        .on(MessageSent.TYPE, handovers::onMessageSent)
                        .build());
        this.transcriptEvents = consuming.consumer(
                "transcript-events",
                EventHandlers.builder()
                        .loadFirst(workingSet::load)
                        .on(CustomerDataErased.TYPE, handovers::onCustomerDataErased)
                        .build());
    }

    @Incoming("customer-messages")
    @Blocking
    public void customerMessages(ConsumerRecords<String, byte[]> records) {
        customerMessages.consume(records);
    }

    @Incoming("analyses")
    @Blocking
    public void analyses(ConsumerRecords<String, byte[]> records) {
        analyses.consume(records);
    }

    @Incoming("outbound-messages")
    @Blocking
    public void outboundMessages(ConsumerRecords<String, byte[]> records) {
        outboundMessages.consume(records);
    }

    @Incoming("transcript-events")
    @Blocking
    public void transcriptEvents(ConsumerRecords<String, byte[]> records) {
        transcriptEvents.consume(records);
    }
}
