package dev.takeover.agent;

import java.time.Clock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The time the console, its canned replies and the bot feedback use; tests replace it to stand still or travel. */
public class SystemClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
