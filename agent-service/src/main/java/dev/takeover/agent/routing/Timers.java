package dev.takeover.agent.routing;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import dev.takeover.agent.queue.QueueUpdates;

/** The clock of routing: offer timeouts, sticky windows and round pauses, and the coalesced queue positions. */
@ApplicationScoped
public class Timers {

    private final Routing routing;
    private final QueueUpdates queueUpdates;

    Timers(Routing routing, QueueUpdates queueUpdates) {
        this.routing = routing;
        this.queueUpdates = queueUpdates;
    }

    @Scheduled(
            identity = "offer-timeouts-and-sweep",
            every = "${takeover.routing.timer-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireOffersAndRoute() {
        routing.expireOffersAndRoute();
    }

    @Scheduled(
            identity = "queue-positions",
            every = "${takeover.routing.queue.update-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishQueuePositions() {
        queueUpdates.publishChanges();
    }
}
