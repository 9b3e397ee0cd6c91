package dev.takeover.transcript.ingest;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.common.consuming.DecodedRecord;
import dev.takeover.events.CloudEvent;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.Topic;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.transcript.EntryKind;
import dev.takeover.transcript.EntrySender;

/**
 * One consumed record as the log stores it: validated, classified, and placed in its conversation's order.
 *
 * <p>The order of a conversation is {@code (orderAt, stage, arrival)}. {@code orderAt} is the event's own time: the
 * customer's {@code sentAt} (never later than the record reached the broker), {@code ce_time} for everything else; an
 * analysis is moved to its message's time if it would otherwise come first. {@code stage} breaks ties along the
 * pipeline (customer message, analysis, handover, agent, outbound message); the entry's arrival sequence breaks the
 * rest, and never changes once stored.
 */
public record LogEntry(
        String conversationId,
        String key,
        String type,
        EntryKind kind,
        int stage,
        Instant occurredAt,
        String causedBy,
        EntrySender sender,
        String source,
        String payloadJson,
        boolean erased,
        ConversationFacts facts,
        List<AgentInvolvement> agents,
        ControlStateChange controlState) {

    public static final String ERASED_PAYLOAD = "{}";

    /** A decoded record as the log keeps it: the event as published, unknown fields included. */
    public static LogEntry of(DecodedRecord decoded) {
        return of(decoded, decoded.event());
    }

    private static <T extends ConversationEvent> LogEntry of(DecodedRecord decoded, ReceivedEvent<T> event) {
        ConsumerRecord<String, byte[]> record = decoded.record();
        T payload = event.payload();
        String source = CloudEvent.fromHeaders(record.headers())
                .map(CloudEvent::source)
                .orElseGet(() -> "channel:" + ((InboundMessage) payload).channel());
        Topic topic = event.type().topic();
        EventReadings.Reading<T> reading = EventReadings.of(event.type());
        EntrySender sender = reading.sender().apply(payload);
        return new LogEntry(
                event.conversationId(),
                event.idempotencyKey(),
                event.type().name(),
                reading.kind() != null
                        ? reading.kind()
                        : topic == Topic.BOT_ANALYSIS ? EntryKind.ANALYSIS : EntryKind.EVENT,
                stageOf(topic),
                eventTime(event, record),
                reading.causedBy().apply(payload),
                sender != null ? sender : serviceOf(source),
                source,
                json(decoded.json()),
                false,
                reading.facts().apply(payload),
                reading.agents().apply(payload),
                reading.controlState().apply(payload));
    }

    /** The entry as it is kept once its customer's data is erased: what happened and when, nothing they said. */
    public LogEntry anonymised() {
        return new LogEntry(
                conversationId,
                key,
                type,
                kind,
                stage,
                occurredAt,
                causedBy,
                sender.anonymised(),
                source,
                ERASED_PAYLOAD,
                true,
                ConversationFacts.NONE,
                agents,
                controlState);
    }

    /** Where the event's producer sits in the pipeline; orders events that happened at the same instant. */
    static int stageOf(Topic topic) {
        return switch (topic) {
            case CONVERSATION_INBOUND -> 0;
            case BOT_ANALYSIS -> 1;
            case HANDOVER_EVENTS -> 2;
            case AGENT_EVENTS -> 3;
            case CONVERSATION_OUTBOUND -> 4;
            case TRANSCRIPT_EVENTS -> 5;
        };
    }

    /** A customer message cannot have been sent after it reached the broker, whatever the device's clock says. */
    static Instant eventTime(ReceivedEvent<?> event, ConsumerRecord<?, ?> record) {
        Instant time = event.occurredAt();
        if (event.payload() instanceof InboundMessage && record.timestamp() > 0) {
            Instant reachedBroker = Instant.ofEpochMilli(record.timestamp());
            return time.isAfter(reachedBroker) ? reachedBroker : time;
        }
        return time;
    }

    /** Whoever published the event, when the event names nobody who acted. */
    private static EntrySender serviceOf(String source) {
        String service = source.startsWith("/") ? source.substring(1) : source;
        return service.startsWith("bot") ? EntrySender.bot(service) : EntrySender.system(service);
    }

    /** The JSON was read with its text made storable ({@code StorableText}), so {@code jsonb} accepts it. */
    private static String json(JsonNode tree) {
        try {
            return EventCodec.mapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write back JSON that was just read", e);
        }
    }
}
