package dev.takeover.handover.policy;

import java.util.List;
import java.util.stream.Stream;

import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;

/**
 * The policy's verdict on one message: whether to escalate, the reasons with their evidence, what raised the priority
 * (customer attributes, a known incident), and the resulting priority and skills.
 */
public record Decision(
        boolean escalate,
        List<Reason> reasons,
        List<Reason> priorityFactors,
        Priority priority,
        List<String> requiredSkills,
        String incidentId) {

    public static Decision stay(Priority priority) {
        return new Decision(false, List.of(), List.of(), priority, List.of(), null);
    }

    /** What the takeover event carries: the reasons to escalate, then what raised the priority. */
    public List<Reason> allReasons() {
        return Stream.concat(reasons.stream(), priorityFactors.stream()).toList();
    }

    public String reasonCodes() {
        return String.join(",", reasons.stream().map(Reason::code).distinct().toList());
    }
}
