package dev.takeover.agent.console;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the console finds the services it calls from the browser, and whether it offers the local stack's demo
 * identities. The browser talks to transcript-service and handover-service directly; agent-service only tells it where.
 */
@ConfigMapping(prefix = "takeover.console")
public interface ConsoleConfig {

    /** transcript-service's address as the agents' browsers reach it. */
    @WithDefault("http://localhost:8084")
    String transcriptUrl();

    /** handover-service's address as the agents' browsers reach it. */
    @WithDefault("http://localhost:8082")
    String handoverUrl();

    /**
     * A directory of {@code <identity>.jwt} files (the local stack's demo tokens). Only when it is set does the sign-in
     * screen offer them; a deployment leaves it unset and signs in with its identity provider's tokens.
     */
    Optional<String> demoTokens();
}
