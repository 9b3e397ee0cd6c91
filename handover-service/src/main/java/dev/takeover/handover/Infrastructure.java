package dev.takeover.handover;

import java.time.Clock;
import java.util.List;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.takeover.handover.waiting.BusinessCalendar;

/** The time and the business calendar every decision uses; tests replace the clock to travel in time. */
public class Infrastructure {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    BusinessCalendar businessCalendar(HandoverConfig config) {
        return BusinessCalendar.of(
                config.businessHours().zone(),
                config.businessHours().weekly(),
                config.businessHours().holidays().orElse(List.of()));
    }
}
