package dev.takeover.webchat;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the adapter treats its customers: limits, identity verification and how much history one reply carries. */
@ConfigMapping(prefix = "takeover.web-chat")
public interface WebChatConfig {

    /** The longest message a customer may send, in characters (Unicode code points). */
    @WithDefault("4000")
    int maxMessageLength();

    RateLimitSettings rateLimit();

    Identity identity();

    /** How many log entries are read from the database at a time when a socket catches up. */
    @WithDefault("200")
    int historyPage();

    /** Each socket may send {@code burst} frames at once, then one more per {@code refill-every}. */
    interface RateLimitSettings {
        @WithDefault("10")
        int burst();

        @WithDefault("PT1S")
        Duration refillEvery();
    }

    interface Identity {
        /**
         * The secret shared with the host site, which signs its customers' identities with it. Without one, every
         * signed identity is refused and customers chat anonymously.
         */
        Optional<String> secret();
    }
}
