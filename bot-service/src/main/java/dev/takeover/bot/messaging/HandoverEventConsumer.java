package dev.takeover.bot.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.bot.Bot;
import dev.takeover.common.consuming.BatchConsumer;
import dev.takeover.common.consuming.Consuming;
import dev.takeover.common.consuming.EventHandlers;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;

/** Control-state changes from handover-service: who is in charge of each conversation. */
@ApplicationScoped
public class HandoverEventConsumer {

    private final BatchConsumer consumer;

    HandoverEventConsumer(Consuming consuming, Bot bot) {
        this.consumer = consuming.consumer(
                "handover-events",
                EventHandlers.builder()
                        .on(HandoverStateChanged.TYPE, bot::onControlStateChanged)
                        .on(HandoverRequested.TYPE, bot::onHandoverRequested)
                        .build());
    }

    @Incoming("handover-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(records);
    }
}
