package dev.takeover.webchat;

import java.time.Clock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The time every rule uses (rate limits, identity expiry, log times); tests replace it to move time without waiting. */
public class SystemClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
