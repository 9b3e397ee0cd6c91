package dev.takeover.common.time;

import java.time.Clock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock every service reads: main code never asks the system for the time, so a test replaces this clock
 * (embedded-infrastructure's {@code AdjustableClock}) and travels to a deadline instead of waiting for it.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
