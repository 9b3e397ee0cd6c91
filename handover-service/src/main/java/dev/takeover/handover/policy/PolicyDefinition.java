package dev.takeover.handover.policy;

import java.util.Map;

import dev.takeover.events.handover.HandoverRequested.Priority;

/** The whole escalation policy as data: what configuration holds and what a what-if request overrides. */
public record PolicyDefinition(
        Priority defaultPriority, Map<String, RuleDefinition> rules, Map<String, BoostDefinition> priorityBoosts) {

    public PolicyDefinition {
        defaultPriority = defaultPriority == null ? Priority.NORMAL : defaultPriority;
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        priorityBoosts = priorityBoosts == null ? Map.of() : Map.copyOf(priorityBoosts);
    }
}
