package dev.takeover.events.transcript;

import java.time.Instant;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * A customer's data was erased (GDPR). One event per conversation of theirs, keyed like every event; each service
 * erases or anonymises what it stores for that conversation and customer.
 */
public record CustomerDataErased(String conversationId, String customerId, String erasureId, Instant erasedAt)
        implements TranscriptEvent {

    public static final EventType<CustomerDataErased> TYPE =
            EventType.of("transcript.customer-data-erased.v1", Topic.TRANSCRIPT_EVENTS, CustomerDataErased.class);

    public CustomerDataErased {
        Fields.requireText(conversationId, "conversationId");
        Fields.requireText(customerId, "customerId");
        Fields.requireText(erasureId, "erasureId");
        Fields.require(erasedAt, "erasedAt");
    }
}
