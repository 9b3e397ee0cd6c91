package dev.takeover.agent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.agent.CustomerData;
import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.bot.MessageAnalyzed;

/** The bot's analyses, for the customer's mood the agent sees; the rest of bot.analysis is not routing's business. */
@ApplicationScoped
public class AnalysisConsumer {

    private final CustomerData customerData;

    AnalysisConsumer(CustomerData customerData) {
        this.customerData = customerData;
    }

    @Incoming("bot-analysis")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> {
            ReceivedEvent<?> event = ReceivedEvent.decode(record);
            if (event.type().equals(MessageAnalyzed.TYPE)) {
                customerData.onAnalysis(ReceivedEvent.decode(record, MessageAnalyzed.TYPE));
            }
        });
    }
}
