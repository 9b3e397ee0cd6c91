package dev.takeover.agent.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * The agents' live streams connected to this instance. Each instance hears every event (see {@link LiveFeed}) and
 * delivers it to the streams it holds, so an agent's stream works whichever instance it is connected to.
 */
@ApplicationScoped
public class AgentStreams {

    private final Map<String, Set<MultiEmitter<? super LiveUpdate>>> byAgent = new ConcurrentHashMap<>();

    public Multi<LiveUpdate> open(String agentId) {
        return Multi.createFrom().emitter(emitter -> {
            byAgent.computeIfAbsent(agentId, id -> ConcurrentHashMap.newKeySet())
                    .add(emitter);
            emitter.onTermination(() -> byAgent.computeIfPresent(agentId, (id, emitters) -> {
                emitters.remove(emitter);
                return emitters.isEmpty() ? null : emitters;
            }));
        });
    }

    public boolean anyConnected() {
        return !byAgent.isEmpty();
    }

    public boolean isConnected(String agentId) {
        return agentId != null && byAgent.containsKey(agentId);
    }

    public void send(String agentId, LiveUpdate update) {
        if (agentId == null) {
            return;
        }
        Set<MultiEmitter<? super LiveUpdate>> emitters = byAgent.get(agentId);
        if (emitters != null) {
            emitters.forEach(emitter -> emitter.emit(update));
        }
    }
}
