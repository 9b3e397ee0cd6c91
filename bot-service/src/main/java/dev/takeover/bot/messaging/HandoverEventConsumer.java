package dev.takeover.bot.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.bot.Bot;
import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;

/** Control-state changes from handover-service: who is in charge of each conversation. */
@ApplicationScoped
public class HandoverEventConsumer {

    private final Bot bot;

    HandoverEventConsumer(Bot bot) {
        this.bot = bot;
    }

    @Incoming("handover-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> bot.onHandoverEvent(ReceivedEvent.decode(record)));
    }
}
