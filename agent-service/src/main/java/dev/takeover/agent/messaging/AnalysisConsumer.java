package dev.takeover.agent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.agent.customer.MoodRecorder;
import dev.takeover.common.consuming.BatchConsumer;
import dev.takeover.common.consuming.Consuming;

/** The bot's analyses, for the customer's mood the agent sees; the rest of bot.analysis is not routing's business. */
@ApplicationScoped
public class AnalysisConsumer {

    private final BatchConsumer consumer;

    AnalysisConsumer(Consuming consuming, MoodRecorder moods) {
        this.consumer = consuming.consumer("bot-analysis", moods);
    }

    @Incoming("bot-analysis")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(records);
    }
}
