package dev.takeover.handover;

import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.handover.HandoverRequested.Evidence;
import dev.takeover.events.handover.HandoverRequested.Reason;

/** Decides, from one analysis, whether a person should take over and why. For now: when the customer asks. */
@ApplicationScoped
public class EscalationPolicy {

    public List<Reason> reasonsToEscalate(MessageAnalyzed analysis) {
        if (!analysis.humanRequested()) {
            return List.of();
        }
        Evidence evidence = new Evidence(
                List.of(analysis.messageId()),
                Map.of("confidence", analysis.intent().confidence()),
                Map.of());
        return List.of(new Reason("CUSTOMER_REQUEST", "The customer asked for a person.", evidence));
    }
}
