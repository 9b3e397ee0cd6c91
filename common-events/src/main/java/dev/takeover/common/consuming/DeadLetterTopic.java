package dev.takeover.common.consuming;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;

import dev.takeover.common.tracing.Tracing;
import dev.takeover.events.CloudEvent;

/**
 * Parks records on the service's dead-letter topic {@code <service>.dlq} the way SmallRye's dead-letter strategy does
 * (original key, value and headers, the trace context among them, the reason in {@code dead-letter-reason}), one record at a time: in batch
 * consumption the channel's own strategy would park the valid neighbours of a malformed record too.
 */
@ApplicationScoped
public class DeadLetterTopic {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopic.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<byte[]> emitter;
    private final MeterRegistry registry;
    private final Tracing tracing;

    DeadLetterTopic(
            @Channel("dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    MutinyEmitter<byte[]> emitter,
            MeterRegistry registry,
            Tracing tracing) {
        this.emitter = emitter;
        this.registry = registry;
        this.tracing = tracing;
    }

    /** Returns once the broker has every one of them. */
    public void park(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Uni<Void>> acknowledgements = letters.stream()
                .map(letter -> emitter.sendMessage(toMessage(letter)))
                .toList();
        Uni.join().all(acknowledgements).andFailFast().await().atMost(SEND_TIMEOUT);
        // The reason stays on the topic: a parser's reason may quote the record, and logs never carry message text.
        letters.forEach(letter -> {
            LOG.warnf(
                    "parked %s-%d@%d (%s) on the dead-letter topic",
                    letter.record().topic(),
                    letter.record().partition(),
                    letter.record().offset(),
                    typeOf(letter));
            registry.counter("takeover.dead.letters", "topic", letter.record().topic(), "cause", letter.cause())
                    .increment();
        });
    }

    private Message<byte[]> toMessage(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders(letter.record().headers().toArray());
        if (headers.lastHeader(Tracing.TRACEPARENT) == null) {
            // A channel adapter's plain record came without one; what we produce always has one.
            set(headers, Tracing.TRACEPARENT, tracing.currentOrNew("dead letter"));
        }
        set(headers, KafkaDeadLetterQueue.DEAD_LETTER_REASON, letter.reason());
        set(headers, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, letter.record().topic());
        set(
                headers,
                KafkaDeadLetterQueue.DEAD_LETTER_PARTITION,
                String.valueOf(letter.record().partition()));
        set(
                headers,
                KafkaDeadLetterQueue.DEAD_LETTER_OFFSET,
                String.valueOf(letter.record().offset()));
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata =
                OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers);
        if (letter.record().key() != null) {
            metadata.withKey(letter.record().key());
        }
        byte[] value =
                letter.record().value() == null ? new byte[0] : letter.record().value();
        return Message.of(value).addMetadata(metadata.build());
    }

    private static void set(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String typeOf(DeadLetter letter) {
        Header type = letter.record().headers().lastHeader(CloudEvent.TYPE_HEADER);
        return type == null ? "no ce_type" : new String(type.value(), StandardCharsets.UTF_8);
    }
}
