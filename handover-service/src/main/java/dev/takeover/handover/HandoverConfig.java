package dev.takeover.handover;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.takeover.events.handover.HandoverRequested.Priority;

/** How the waiting phase behaves: notices, limits, business hours, follow-up choices, incidents and timers. */
@ConfigMapping(prefix = "takeover.handover")
public interface HandoverConfig {

    /** The language of notices when the customer's is unknown or not one we write (de and en are built in). */
    @WithDefault("en")
    String defaultLanguage();

    /** The name the customer sees on system notices. */
    @WithDefault("Support")
    String systemSenderName();

    Waiting waiting();

    BusinessHours businessHours();

    FollowUp followUp();

    Incidents incidents();

    Deadlines deadlines();

    interface Waiting {
        /** At most one queue update per interval; a change in between is told when the interval has passed. */
        @WithDefault("PT30S")
        Duration queueNoticeInterval();

        /** A change of the expected wait smaller than this (and than a quarter of it) is not worth a notice. */
        @WithDefault("PT1M")
        Duration significantWaitChange();

        /**
         * How long agent-service's first word on a new escalation (an offer, an assignment, or a queue report saying
         * who is online) is awaited before the business calendar alone decides whether the customer hears that nobody
         * is there. Agent-service answers within a quarter of a second even with a thousand waiting; the grace only
         * covers it being down or far behind, and the customer learns the truth a few seconds late at worst.
         */
        @WithDefault("PT5S")
        Duration presenceGrace();

        /**
         * After this long in the queue with people there, the customer is offered a callback or a ticket; when nobody
         * is there out of hours, it counts from the next opening.
         */
        @WithDefault("PT10M")
        Duration waitLimit();

        /** After the offer, a customer silent this long has left: the handover is abandoned. */
        @WithDefault("PT10M")
        Duration abandonAfterOffer();

        /** With an agent, a customer silent this long after the agent's message has left. */
        @WithDefault("PT20M")
        Duration abandonWithAgentAfter();
    }

    interface BusinessHours {
        @WithDefault("Europe/Berlin")
        ZoneId zone();

        /** Opening windows such as {@code MON-FRI 08:00-18:00} or {@code SAT 10:00-14:00}, comma separated. */
        @WithDefault("MON-FRI 08:00-18:00")
        List<String> weekly();

        /** Closed all day, in the business time zone. */
        Optional<List<LocalDate>> holidays();
    }

    interface FollowUp {
        /** What a waiting customer writes to ask for a callback (matched as whole words, any case). */
        @WithDefault("callback,call back,call me,rückruf,rueckruf,zurückrufen,anrufen")
        List<String> callbackKeywords();

        @WithDefault("ticket,e-mail,email")
        List<String> ticketKeywords();

        /** The bot's intents that mean the same. */
        @WithDefault("request_callback")
        List<String> callbackIntents();

        @WithDefault("request_ticket")
        List<String> ticketIntents();
    }

    interface Incidents {
        /** When an incident is declared, conversations active this recently are checked against it. */
        @WithDefault("PT2H")
        Duration lookback();

        @WithDefault("HIGH")
        Priority defaultPriority();
    }

    interface Deadlines {
        /** How often the timer job looks for due timers; also the precision of every timer. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Due deadlines handled per run of the timer job. */
        @WithDefault("100")
        int batchSize();
    }
}
