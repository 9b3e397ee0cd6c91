package dev.takeover.agent.routing;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How conversations are offered, how long stickiness lasts, and how the queue is reported. */
@ConfigMapping(prefix = "takeover.routing")
public interface RoutingConfig {

    Offer offer();

    Sticky sticky();

    /** How long a conversation rests after every suitable agent online declined it, before the next round. */
    @WithDefault("PT30S")
    Duration roundPause();

    /** How often offer timeouts, sticky windows and round pauses are checked (a scheduler interval such as 1s). */
    @WithDefault("1s")
    String timerEvery();

    Queue queue();

    interface Offer {
        /** How long an agent has to accept an offer before it goes to the next agent. */
        @WithDefault("PT30S")
        Duration timeout();

        /** Assign at once, without waiting for the agent to accept. */
        @WithDefault("false")
        boolean autoAccept();
    }

    interface Sticky {
        @WithDefault("true")
        boolean enabled();

        /** How long after being served a customer still goes to the same agent first. */
        @WithDefault("P30D")
        Duration memory();

        /** How long a conversation is held for the previous agent while they are online but have no free slot. */
        @WithDefault("PT60S")
        Duration hold();
    }

    interface Queue {
        /** How often queue positions are recomputed and the changes published (a scheduler interval such as 2s). */
        @WithDefault("2s")
        String updateEvery();

        /** A waiting conversation gets at most one position update per this interval, however often it moves. */
        @WithDefault("PT15S")
        Duration minUpdateInterval();

        /** The handling time assumed until conversations have been handled recently. */
        @WithDefault("PT5M")
        Duration defaultHandlingTime();

        /** Which handled conversations count as recent for the average handling time. */
        @WithDefault("PT2H")
        Duration handlingTimeWindow();
    }
}
