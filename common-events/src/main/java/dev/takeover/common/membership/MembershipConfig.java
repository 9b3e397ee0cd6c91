package dev.takeover.common.membership;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Who this instance is in its consumer groups. */
@ConfigMapping(prefix = "takeover.membership")
public interface MembershipConfig {

    /**
     * A name that stays the same when the instance is restarted and differs from every other instance of the
     * service, such as a StatefulSet's pod name. With it, each consumer is a static member of its group; without it,
     * a dynamic one.
     */
    Optional<String> instanceId();
}
