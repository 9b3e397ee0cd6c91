package dev.takeover.bot.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.bot.Bot;
import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.transcript.CustomerDataErased;

/** GDPR erasures from transcript-service. */
@ApplicationScoped
public class ErasureConsumer {

    private final Bot bot;

    ErasureConsumer(Bot bot) {
        this.bot = bot;
    }

    @Incoming("erasures")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> bot.onCustomerDataErased(ReceivedEvent.decode(record, CustomerDataErased.TYPE)));
    }
}
