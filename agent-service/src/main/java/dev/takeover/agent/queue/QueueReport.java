package dev.takeover.agent.queue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.agent.ConversationView;
import dev.takeover.agent.Takeover;
import dev.takeover.agent.TakeoverState;
import dev.takeover.agent.queue.QueueEstimate.Estimate;

/** The queue as supervisors see it: waiting and offered conversations in serving order, with their estimates. */
@ApplicationScoped
public class QueueReport {

    private final QueueUpdates queueUpdates;
    private final Clock clock;

    QueueReport(QueueUpdates queueUpdates, Clock clock) {
        this.queueUpdates = queueUpdates;
        this.clock = clock;
    }

    /** {@code position} and {@code expectedWaitSeconds} are null for an offered conversation. */
    public record QueueItem(
            ConversationView conversation, Integer position, Long expectedWaitSeconds, Integer matchingAgentsOnline) {}

    @Transactional
    public List<QueueItem> now() {
        Map<String, Estimate> estimates = queueUpdates.estimates(clock.instant());
        List<Takeover> queued = Takeover.list(
                "state in ?1 order by priorityRank desc, requestedAt, handoverId",
                List.of(TakeoverState.WAITING, TakeoverState.OFFERED));
        return queued.stream()
                .map(takeover -> {
                    Estimate estimate = estimates.get(takeover.handoverId);
                    return estimate == null
                            ? new QueueItem(ConversationView.of(takeover), null, null, null)
                            : new QueueItem(
                                    ConversationView.of(takeover),
                                    estimate.position(),
                                    estimate.expectedWaitSeconds(),
                                    estimate.matchingAgentsOnline());
                })
                .toList();
    }
}
