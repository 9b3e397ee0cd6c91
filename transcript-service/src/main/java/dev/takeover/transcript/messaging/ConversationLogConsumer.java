package dev.takeover.transcript.messaging;

import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.takeover.transcript.ConversationLog;

/**
 * Everything published about conversations, from every topic, in batches. The batch's offsets are committed only
 * after this returns, that is once every record is stored or parked.
 */
@ApplicationScoped
public class ConversationLogConsumer {

    private final ConversationLog log;

    ConversationLogConsumer(ConversationLog log) {
        this.log = log;
    }

    @Incoming("conversation-log")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        log.append(batch);
    }
}
