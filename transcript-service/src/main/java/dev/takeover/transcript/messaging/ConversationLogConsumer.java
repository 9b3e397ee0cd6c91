package dev.takeover.transcript.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.common.delivery.Retrying;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.transcript.TranscriptLog;

/** Everything published about conversations, from every topic. */
@ApplicationScoped
public class ConversationLogConsumer {

    private final TranscriptLog log;

    ConversationLogConsumer(TranscriptLog log) {
        this.log = log;
    }

    @Incoming("conversation-log")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        Retrying.process(() -> log.record(ReceivedEvent.decode(record)));
    }
}
