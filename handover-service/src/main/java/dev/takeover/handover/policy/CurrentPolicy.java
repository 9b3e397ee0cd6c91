package dev.takeover.handover.policy;

import java.io.IOException;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.takeover.common.domain.Refused;
import dev.takeover.events.EventCodec;

/**
 * The policy in force, built once from configuration so a broken rule stops the service at start-up instead of
 * deciding wrongly; and candidate policies for what-if questions, written as overrides of the current one.
 */
@ApplicationScoped
public class CurrentPolicy {

    private final EscalationPolicy policy;

    CurrentPolicy(EscalationConfig config) {
        this.policy = EscalationPolicy.of(config.toDefinition());
    }

    public EscalationPolicy get() {
        return policy;
    }

    /**
     * The current policy with these overrides merged in, field by field: {@code {"rules":{"frustration":
     * {"threshold":0.6}}}} changes one threshold and keeps everything else. No overrides means the current policy.
     */
    public EscalationPolicy withOverrides(JsonNode overrides) {
        if (overrides == null || overrides.isNull() || overrides.isEmpty()) {
            return policy;
        }
        if (!overrides.isObject()) {
            throw Refused.invalid("policy overrides must be a JSON object");
        }
        ObjectNode merged = EventCodec.mapper().valueToTree(policy.definition());
        merge(merged, (ObjectNode) overrides);
        try {
            return EscalationPolicy.of(EventCodec.mapper()
                    .readerFor(PolicyDefinition.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(merged));
        } catch (IOException e) {
            throw Refused.invalid("invalid policy: "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
        }
    }

    private static void merge(ObjectNode target, ObjectNode overrides) {
        overrides.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode override) {
                merge(existingObject, override);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }
}
