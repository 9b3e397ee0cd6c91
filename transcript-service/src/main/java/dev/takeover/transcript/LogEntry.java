package dev.takeover.transcript;

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
import dev.takeover.events.agent.BotAnswerFlagged;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationRequeued;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.agent.ConversationTransferred;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.agent.OfferDeclined;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;

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
        ConsumerRecord<String, byte[]> record = decoded.record();
        ReceivedEvent<?> event = decoded.event();
        ConversationEvent payload = event.payload();
        String source = CloudEvent.fromHeaders(record.headers())
                .map(CloudEvent::source)
                .orElseGet(() -> "channel:" + ((InboundMessage) payload).channel());
        Topic topic = event.type().topic();
        return new LogEntry(
                event.conversationId(),
                event.idempotencyKey(),
                event.type().name(),
                kindOf(payload, topic),
                stageOf(topic),
                eventTime(event, record),
                payload instanceof MessageAnalyzed analysis
                        ? ReceivedEvent.customerMessageKey(analysis.conversationId(), analysis.messageId())
                        : null,
                senderOf(payload, source),
                source,
                json(decoded.json()),
                false,
                factsOf(payload),
                agentsOf(payload),
                controlStateOf(payload));
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

    private static EntryKind kindOf(ConversationEvent payload, Topic topic) {
        if (payload instanceof InboundMessage || payload instanceof MessageSent) {
            return EntryKind.MESSAGE;
        }
        if (payload instanceof InternalNoteAdded) {
            return EntryKind.NOTE;
        }
        return topic == Topic.BOT_ANALYSIS ? EntryKind.ANALYSIS : EntryKind.EVENT;
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

    private static EntrySender senderOf(ConversationEvent payload, String source) {
        String service = source.startsWith("/") ? source.substring(1) : source;
        if (payload instanceof InboundMessage message) {
            return EntrySender.customer(message.customerId(), message.customerName());
        }
        if (payload instanceof MessageSent message) {
            return new EntrySender(
                    EntrySender.Type.valueOf(message.sender().type().name()),
                    message.sender().id(),
                    message.sender().name());
        }
        if (payload instanceof InternalNoteAdded note) {
            return EntrySender.agent(note.agentId(), note.agentName());
        }
        if (payload instanceof ConversationAssigned assigned) {
            return EntrySender.agent(assigned.agentId(), assigned.agentName());
        }
        if (payload instanceof OfferDeclined declined && !declined.timedOut()) {
            return EntrySender.agent(declined.agentId(), null);
        }
        if (payload instanceof ConversationTransferred transferred) {
            return EntrySender.agent(transferred.fromAgentId(), null);
        }
        if (payload instanceof ConversationResolved resolved) {
            return EntrySender.agent(resolved.agentId(), null);
        }
        if (payload instanceof ConversationHandedBack handedBack) {
            return EntrySender.agent(handedBack.agentId(), null);
        }
        if (payload instanceof BotAnswerFlagged flagged) {
            return EntrySender.agent(flagged.agentId(), flagged.agentName());
        }
        return service.startsWith("bot") ? EntrySender.bot(service) : EntrySender.system(service);
    }

    private static ConversationFacts factsOf(ConversationEvent payload) {
        if (payload instanceof InboundMessage message) {
            return new ConversationFacts(
                    message.customerId(), message.customerName(), message.channel(), message.language());
        }
        if (payload instanceof MessageSent message) {
            return new ConversationFacts(null, null, message.channel(), null);
        }
        if (payload instanceof MessageAnalyzed analysis) {
            return new ConversationFacts(null, null, null, analysis.language());
        }
        if (payload instanceof HandoverRequested requested) {
            HandoverPackage handoverPackage = requested.handoverPackage();
            return new ConversationFacts(
                    handoverPackage.customerId(),
                    handoverPackage.customerName(),
                    handoverPackage.channel(),
                    requested.language());
        }
        return ConversationFacts.NONE;
    }

    private static List<AgentInvolvement> agentsOf(ConversationEvent payload) {
        if (payload instanceof ConversationOffered offered) {
            return List.of(AgentInvolvement.offered(offered.agentId(), offered.agentName(), offered.expiresAt()));
        }
        if (payload instanceof OfferDeclined declined) {
            return List.of(AgentInvolvement.offerWithdrawn(declined.agentId()));
        }
        if (payload instanceof ConversationAssigned assigned) {
            return List.of(AgentInvolvement.handled(assigned.agentId(), assigned.agentName()));
        }
        if (payload instanceof ConversationTransferred transferred) {
            return transferred.toAgentId() == null
                    ? List.of(AgentInvolvement.handled(transferred.fromAgentId(), null))
                    : List.of(
                            AgentInvolvement.handled(transferred.fromAgentId(), null),
                            AgentInvolvement.handled(transferred.toAgentId(), null));
        }
        if (payload instanceof ConversationRequeued requeued) {
            return List.of(AgentInvolvement.handled(requeued.agentId(), null));
        }
        if (payload instanceof ConversationResolved resolved) {
            return List.of(AgentInvolvement.handled(resolved.agentId(), null));
        }
        if (payload instanceof ConversationHandedBack handedBack) {
            return List.of(AgentInvolvement.handled(handedBack.agentId(), null));
        }
        if (payload instanceof MessageSent message && message.sender().type() == Sender.Type.AGENT) {
            return List.of(AgentInvolvement.handled(
                    message.sender().id(), message.sender().name()));
        }
        return List.of();
    }

    private static ControlStateChange controlStateOf(ConversationEvent payload) {
        if (payload instanceof HandoverStateChanged changed) {
            return new ControlStateChange(changed.to(), changed.changedAt());
        }
        if (payload instanceof HandoverRequested requested) {
            return new ControlStateChange(ControlState.REQUESTED, requested.requestedAt());
        }
        return null;
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
