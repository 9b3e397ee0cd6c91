package dev.takeover.common.http;

import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What a request may be: bodies sized for chat (an agent's note, a policy), with larger limits only where a service
 * declares them (bot-service's catalogue upload, say).
 */
@ConfigMapping(prefix = "takeover.http")
public interface HttpLimits {

    /** The largest body of any request whose path has no limit of its own. */
    @WithDefault("64K")
    MemorySize bodyLimit();

    /** Limits by path prefix, the longest matching prefix wins: {@code takeover.http.body-limits."/nlu/catalogue"=32M}. */
    Map<String, MemorySize> bodyLimits();

    /** Longer request targets (path and query) are refused with 414. */
    @WithDefault("8192")
    int maxRequestTargetLength();
}
