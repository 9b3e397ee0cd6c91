package dev.takeover.transcript.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.common.consuming.BatchConsumer;
import dev.takeover.common.consuming.Consuming;
import dev.takeover.transcript.ingest.ConversationLog;

/**
 * Everything published about conversations, from every topic, in batches. The batch's offsets are committed only
 * after this returns, that is once every record is stored or parked.
 */
@ApplicationScoped
public class ConversationLogConsumer {

    private final BatchConsumer consumer;

    ConversationLogConsumer(Consuming consuming, ConversationLog log) {
        this.consumer = consuming.consumer("conversation-log", log);
    }

    @Incoming("conversation-log")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        consumer.consume(records);
    }
}
