package dev.takeover.handover.waiting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.FollowUpRequested;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.handover.Conversation;
import dev.takeover.handover.Handover;
import dev.takeover.handover.HandoverConfig;
import dev.takeover.handover.Outcome;
import dev.takeover.handover.policy.Decision;
import dev.takeover.infrastructure.testing.AdjustableClock;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingPolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant WEDNESDAY_MORNING = at("2026-11-25T10:00");
    private static final Instant WEDNESDAY_NIGHT = at("2026-11-25T22:00");
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration ABANDON_AFTER_OFFER = Duration.ofMinutes(10);

    private final AdjustableClock clock = AdjustableClock.stoppedAt(WEDNESDAY_MORNING);
    private final WaitingPolicy policy = new WaitingPolicy(
            new Waiting(), BusinessCalendar.of(BERLIN, List.of("MON-FRI 08:00-18:00"), List.of()), "en", clock);
    private final Handover handover = Handover.request("c-1", decision(), "en", WEDNESDAY_MORNING);
    private final Conversation conversation = conversation("web");

    @Test
    void anEscalationGreetsTheCustomerAndStartsTheWaitAndThePresenceGrace() {
        List<Notice> told = policy.escalated(handover, conversation, Optional.empty());

        assertThat(purposes(told)).containsExactly(NoticePurpose.HANDOVER_NOTICE);
        assertThat(handover.timers().waitLimitAt()).isEqualTo(WEDNESDAY_MORNING.plus(WAIT_LIMIT));
        assertThat(handover.timers().presenceDueAt()).isEqualTo(WEDNESDAY_MORNING.plus(GRACE));
        assertThat(handover.timers().dueAt()).isEqualTo(WEDNESDAY_MORNING.plus(GRACE));
    }

    @Test
    void aCustomerWhoseChannelIsUnknownIsGreetedWhenTheyWrite() {
        Conversation unknownChannel = conversation(null);

        assertThat(policy.escalated(handover, unknownChannel, Optional.empty())).isEmpty();
        assertThat(handover.greetingPending()).isTrue();

        unknownChannel.channel = "web";
        assertThat(purposes(policy.customerWrote(handover, unknownChannel, Optional.empty())))
                .containsExactly(NoticePurpose.HANDOVER_NOTICE);
        assertThat(policy.customerWrote(handover, unknownChannel, Optional.empty()))
                .isEmpty();
    }

    @Test
    void nobodyOnlineIsToldOnceWithTheAlternatives() {
        policy.escalated(handover, conversation, Optional.empty());

        assertThat(purposes(policy.queueReported(handover, conversation, report(3, 0))))
                .containsExactly(NoticePurpose.CALLBACK_OFFER);
        assertThat(handover.alternativesWereOffered()).isTrue();
        assertThat(policy.queueReported(handover, conversation, report(3, 0))).isEmpty();
    }

    @Test
    void queueUpdatesAreThrottledAndTheHeldBackOneGoesOutWhenDue() {
        policy.escalated(handover, conversation, Optional.empty());
        assertThat(purposes(policy.queueReported(handover, conversation, report(3, 2))))
                .containsExactly(NoticePurpose.QUEUE_UPDATE);

        clock.advance(Duration.ofSeconds(10));
        assertThat(policy.queueReported(handover, conversation, report(2, 2))).isEmpty();
        Instant heldBackUntil = WEDNESDAY_MORNING.plus(INTERVAL);
        assertThat(handover.timers().queueNoticeAt()).isEqualTo(heldBackUntil);

        clock.travelTo(heldBackUntil);
        Outcome due = policy.dueTimers(handover, conversation);
        assertThat(due.change()).isEmpty();
        assertThat(purposes(due.notices())).containsExactly(NoticePurpose.QUEUE_UPDATE);
        assertThat(handover.notices().notifiedPosition()).isEqualTo(2);
        assertThat(handover.timers().queueNoticeAt()).isNull();
    }

    @Test
    void atTheWaitLimitInBusinessHoursTheCustomerIsOfferedAlternativesAndThenAbandonedWhenSilent() {
        policy.escalated(handover, conversation, Optional.empty());
        policy.offered(handover, null);

        clock.travelTo(WEDNESDAY_MORNING.plus(WAIT_LIMIT));
        assertThat(purposes(policy.dueTimers(handover, conversation).notices()))
                .containsExactly(NoticePurpose.CALLBACK_OFFER);
        assertThat(handover.timers().abandonAt()).isEqualTo(clock.instant().plus(ABANDON_AFTER_OFFER));

        clock.advance(ABANDON_AFTER_OFFER);
        Outcome abandoned = policy.dueTimers(handover, conversation);
        assertThat(abandoned.change()).hasValueSatisfying(change -> {
            assertThat(change.to()).isEqualTo(ControlState.ABANDONED);
            assertThat(change.cause()).isEqualTo("CUSTOMER_UNRESPONSIVE");
        });
        assertThat(purposes(abandoned.notices())).containsExactly(NoticePurpose.ABANDONED);
        assertThat(handover.timers().dueAt()).isNull();
    }

    @Test
    void outOfHoursWithNoWordFromAgentServiceTheCalendarDecidesAfterTheGrace() {
        clock.travelTo(WEDNESDAY_NIGHT);
        policy.escalated(handover, conversation, Optional.empty());

        clock.advance(GRACE);
        assertThat(purposes(policy.dueTimers(handover, conversation).notices()))
                .containsExactly(NoticePurpose.OUT_OF_HOURS);
        // Nobody is abandoned overnight: the wait limit counts from Thursday's opening.
        assertThat(handover.timers().waitLimitAt())
                .isEqualTo(at("2026-11-26T08:00").plus(WAIT_LIMIT));
        assertThat(handover.timers().abandonAt()).isNull();
    }

    @Test
    void anAgentOnlineAtNightIsSomeoneWhoCanHelp() {
        clock.travelTo(WEDNESDAY_NIGHT);
        policy.escalated(handover, conversation, Optional.empty());

        assertThat(purposes(policy.queueReported(handover, conversation, report(1, 1))))
                .containsExactly(NoticePurpose.QUEUE_UPDATE);
        assertThat(handover.alternativesWereOffered()).isFalse();
    }

    @Test
    void theCustomerHearsOfAnAgentOncePerAgent() {
        policy.escalated(handover, conversation, Optional.empty());
        ConversationAssigned sam = new ConversationAssigned("c-1", handover.handoverId, "sam", "Sam", clock.instant());

        assertThat(purposes(policy.assigned(handover, sam))).containsExactly(NoticePurpose.AGENT_JOINED);
        handover.moveTo(ControlState.WITH_AGENT, "AGENT_ASSIGNED", "Sam took over", clock.instant());
        assertThat(policy.assigned(handover, sam)).isEmpty();
        assertThat(handover.timers().dueAt()).isNull();
    }

    @Test
    void aReassuranceGivesThePositionAtMostOncePerInterval() {
        policy.escalated(handover, conversation, Optional.empty());
        assertThat(purposes(policy.reassure(handover))).containsExactly(NoticePurpose.QUEUE_UPDATE);
        assertThat(policy.reassure(handover)).isEmpty();

        clock.advance(INTERVAL);
        assertThat(policy.reassure(handover)).hasSize(1);
    }

    @Test
    void aChosenFollowUpFailsTheHandoverWithAReferenceAndTheNextOpeningOutOfHours() {
        clock.travelTo(WEDNESDAY_NIGHT);
        policy.escalated(handover, conversation, Optional.empty());

        WaitingPolicy.FollowUp followUp = policy.followUp(handover, FollowUpRequested.Kind.CALLBACK);

        assertThat(followUp.reference())
                .isEqualTo("HO-" + handover.handoverId.substring(0, 8).toUpperCase());
        assertThat(followUp.opening().toInstant()).isEqualTo(at("2026-11-26T08:00"));
        assertThat(followUp.outcome().change())
                .hasValueSatisfying(change -> assertThat(change.cause()).isEqualTo("CALLBACK_REQUESTED"));
        assertThat(purposes(followUp.outcome().notices())).containsExactly(NoticePurpose.FOLLOW_UP_CONFIRMED);
    }

    private static List<String> purposes(List<Notice> notices) {
        return notices.stream().map(Notice::purpose).toList();
    }

    private QueuePositionChanged report(int position, int online) {
        return new QueuePositionChanged("c-1", handover.handoverId, position, 120, online, clock.instant());
    }

    private static Decision decision() {
        return new Decision(
                true,
                List.of(new Reason("HUMAN_REQUESTED", "asked for a person", null)),
                List.of(),
                Priority.NORMAL,
                List.of(),
                null);
    }

    private static Conversation conversation(String channel) {
        Conversation conversation = new Conversation();
        conversation.conversationId = "c-1";
        conversation.channel = channel;
        return conversation;
    }

    private static Instant at(String berlinLocalDateTime) {
        return LocalDateTime.parse(berlinLocalDateTime).atZone(BERLIN).toInstant();
    }

    private static final class Waiting implements HandoverConfig.Waiting {
        @Override
        public Duration queueNoticeInterval() {
            return INTERVAL;
        }

        @Override
        public Duration significantWaitChange() {
            return Duration.ofMinutes(1);
        }

        @Override
        public Duration presenceGrace() {
            return GRACE;
        }

        @Override
        public Duration waitLimit() {
            return WAIT_LIMIT;
        }

        @Override
        public Duration abandonAfterOffer() {
            return ABANDON_AFTER_OFFER;
        }

        @Override
        public Duration abandonWithAgentAfter() {
            return Duration.ofMinutes(20);
        }
    }
}
