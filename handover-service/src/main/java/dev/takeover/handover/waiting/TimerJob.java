package dev.takeover.handover.waiting;

import java.time.Clock;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.takeover.handover.Handover;
import dev.takeover.handover.HandoverConfig;
import dev.takeover.handover.Handovers;

/**
 * Runs the waiting phase's timers (throttled queue updates, the wait limit, abandonment) from their persisted
 * deadlines. Each conversation is handled in its own transaction, skipped while someone holds its lock, so two instances
 * share the work and never fire one timer twice.
 */
@ApplicationScoped
public class TimerJob {

    private static final Logger LOG = Logger.getLogger(TimerJob.class);

    private final Handovers handovers;
    private final HandoverConfig config;
    private final Clock clock;

    TimerJob(Handovers handovers, HandoverConfig config, Clock clock) {
        this.handovers = handovers;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            identity = "handover-timers",
            every = "${takeover.handover.deadlines.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void runDueTimers() {
        List<String> due = QuarkusTransaction.requiringNew()
                .call(() -> Handover.conversationsDue(
                        clock.instant(), config.deadlines().batchSize()));
        for (String conversationId : due) {
            try {
                handovers.runDueTimers(conversationId);
            } catch (RuntimeException e) {
                LOG.warnf("timers of conversation %s will be retried: %s", conversationId, e.toString());
            }
        }
    }
}
