package dev.takeover.events.handover;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.takeover.events.EventType;
import dev.takeover.events.Fields;
import dev.takeover.events.Topic;

/**
 * The takeover event: a person should take over this conversation, for these reasons, with this evidence, and with
 * everything the bot learnt so the agent never has to ask again. {@code incidentId} is optional: the known incident
 * an operator declared that this conversation matches.
 */
public record HandoverRequested(
        String handoverId,
        String conversationId,
        List<Reason> reasons,
        Priority priority,
        List<String> requiredSkills,
        String language,
        Instant requestedAt,
        HandoverPackage handoverPackage,
        String incidentId)
        implements HandoverEvent {

    public static final EventType<HandoverRequested> TYPE =
            EventType.of("handover.requested.v1", Topic.HANDOVER_EVENTS, HandoverRequested.class);

    public HandoverRequested {
        Fields.requireText(handoverId, "handoverId");
        Fields.requireText(conversationId, "conversationId");
        reasons = Fields.listOrEmpty(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("reasons must name at least one reason");
        }
        Fields.require(priority, "priority");
        requiredSkills = Fields.listOrEmpty(requiredSkills);
        Fields.require(requestedAt, "requestedAt");
        Fields.require(handoverPackage, "handoverPackage");
    }

    /** A takeover that matches no known incident. */
    public HandoverRequested(
            String handoverId,
            String conversationId,
            List<Reason> reasons,
            Priority priority,
            List<String> requiredSkills,
            String language,
            Instant requestedAt,
            HandoverPackage handoverPackage) {
        this(
                handoverId,
                conversationId,
                reasons,
                priority,
                requiredSkills,
                language,
                requestedAt,
                handoverPackage,
                null);
    }

    /** Queue order: a higher priority is served first. */
    public enum Priority {
        LOW,
        NORMAL,
        HIGH,
        URGENT
    }

    /** Why, in a stable code (such as CUSTOMER_REQUEST) and in words, with the evidence behind it. */
    public record Reason(String code, String detail, Evidence evidence) {
        public Reason {
            Fields.requireText(code, "reason.code");
            Fields.requireText(detail, "reason.detail");
            evidence = evidence == null ? Evidence.NONE : evidence;
        }
    }

    /** What the decision rests on: the messages, the scores and the counts. */
    public record Evidence(List<String> messageIds, Map<String, Double> scores, Map<String, Integer> counts) {
        public static final Evidence NONE = new Evidence(List.of(), Map.of(), Map.of());

        public Evidence {
            messageIds = Fields.listOrEmpty(messageIds);
            scores = Fields.mapOrEmpty(scores);
            counts = Fields.mapOrEmpty(counts);
        }
    }
}
