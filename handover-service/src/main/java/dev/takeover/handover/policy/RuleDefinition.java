package dev.takeover.handover.policy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.takeover.events.handover.HandoverRequested.Priority;

/**
 * One escalation rule as configured or sent for a what-if: the trigger it watches, the reason code it reports, the
 * priority and skills it asks for, and the trigger's parameters. Absent parameters take the trigger's defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleDefinition(
        Boolean enabled,
        Trigger when,
        String reason,
        Priority priority,
        List<String> skills,
        Double threshold,
        Integer count,
        Integer window,
        List<String> intents,
        List<String> ignoredIntents,
        String period,
        Double minConfidence) {

    public boolean isEnabled() {
        return enabled == null || enabled;
    }
}
