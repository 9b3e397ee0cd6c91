package dev.takeover.handover.waiting;

import java.util.List;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.takeover.handover.HandoverConfig;

/** The business calendar from configuration: when people are at work to take over. */
public class CalendarProducer {

    @Produces
    @Singleton
    BusinessCalendar businessCalendar(HandoverConfig config) {
        return BusinessCalendar.of(
                config.businessHours().zone(),
                config.businessHours().weekly(),
                config.businessHours().holidays().orElse(List.of()));
    }
}
