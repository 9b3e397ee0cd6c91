package dev.takeover.agent;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Routing that assigns at once, without waiting for the agent to accept. */
public class AutoAccept implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("takeover.routing.offer.auto-accept", "true");
    }
}
