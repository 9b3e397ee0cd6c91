package dev.takeover.handover.waiting;

import java.time.Clock;
import java.util.List;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.takeover.handover.HandoverConfig;

/** The waiting phase's plain objects from configuration: the business calendar, the policy and the follow-up choice. */
public class CalendarProducer {

    @Produces
    @Singleton
    BusinessCalendar businessCalendar(HandoverConfig config) {
        return BusinessCalendar.of(
                config.businessHours().zone(),
                config.businessHours().weekly(),
                config.businessHours().holidays().orElse(List.of()));
    }

    @Produces
    @Singleton
    WaitingPolicy waitingPolicy(HandoverConfig config, BusinessCalendar calendar, Clock clock) {
        return new WaitingPolicy(config.waiting(), calendar, config.defaultLanguage(), clock);
    }

    @Produces
    @Singleton
    FollowUpChoice followUpChoice(HandoverConfig config) {
        return new FollowUpChoice(config.followUp());
    }
}
