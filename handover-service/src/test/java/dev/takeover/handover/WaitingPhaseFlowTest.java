package dev.takeover.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.FollowUpRequested;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.handover.waiting.NoticePurpose;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static dev.takeover.handover.ConversationFlow.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nobody waits in silence: when nobody is there, out of hours or online, and past the wait limit, the customer gets
 * choices. How agent-service's word and the calendar decide whether anybody is there: {@link PresenceFlowTest}.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class WaitingPhaseFlowTest extends FlowTest {

    @Test
    void outOfHoursTheCustomerIsToldWhenPeopleAreBackAndCanAskForACallback() {
        clock.travelTo("2026-11-28T20:00");
        flow.botCollected(Map.of("phone", "+49 30 1234567"));
        flow.speaking("de")
                .says(
                        "m1",
                        "Ich möchte mit einem Mitarbeiter sprechen",
                        flow.analysis("m1").asksForAPerson());

        String handoverId = flow.awaitTakeover().handoverId();
        flow.agentService(
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 1, 0, 0, Instant.now()));
        assertThat(flow.awaitNotice(NoticePurpose.OUT_OF_HOURS).text())
                .contains("Wir sind am Montag, 30. November, um 08:00 Uhr (MEZ) wieder da.")
                .contains("Alles, was Sie hier schreiben, bleibt erhalten")
                .contains("RÜCKRUF");
        Handover waiting = flow.handover(handoverId);
        assertThat(waiting.timers().abandonAt())
                .as("nobody is abandoned for waiting outside business hours")
                .isNull();
        assertThat(waiting.timers().waitLimitAt()).isEqualTo(Instant.parse("2026-11-30T07:10:00Z"));

        flow.says("m2", "Ja, bitte Rückruf", flow.analysis("m2").intent("affirm", 0.8));

        FollowUpRequested callback = flow.awaitHandoverEvent(FollowUpRequested.TYPE, any -> true);
        assertThat(callback.kind()).isEqualTo(FollowUpRequested.Kind.CALLBACK);
        assertThat(callback.handoverId()).isEqualTo(handoverId);
        assertThat(callback.contact()).containsEntry("phone", "+49 30 1234567");
        assertThat(callback.nextOpeningAt()).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
        assertThat(callback.customerId()).isEqualTo(flow.customer);
        HandoverStateChanged failed = flow.awaitTransitionTo(ControlState.FAILED);
        assertThat(failed.cause()).isEqualTo("CALLBACK_REQUESTED");
        assertThat(flow.awaitNotice(NoticePurpose.FOLLOW_UP_CONFIRMED).text())
                .startsWith("Erledigt: Wir rufen Sie zurück, sobald wir wieder da sind (am Montag")
                .contains(callback.reference());
    }

    @Test
    void pastTheWaitLimitTheCustomerIsOfferedAlternativesAndSilenceAfterwardsMeansTheyLeft() {
        String handoverId = escalate();
        flow.agentService(
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 4, 900, 1, Instant.now()));
        flow.awaitNotice(NoticePurpose.QUEUE_UPDATE);

        clock.advance(Duration.ofMinutes(11));
        assertThat(flow.awaitNotice(NoticePurpose.CALLBACK_OFFER).text())
                .startsWith("Sorry for the wait")
                .contains("reply CALLBACK")
                .contains("TICKET");

        await().atMost(PATIENCE).until(() -> flow.handover(handoverId).timers().abandonAt() != null);
        clock.advance(Duration.ofMinutes(11));
        HandoverStateChanged abandoned = flow.awaitTransitionTo(ControlState.ABANDONED);
        assertThat(abandoned.cause()).isEqualTo("CUSTOMER_UNRESPONSIVE");
        assertThat(abandoned.from()).isEqualTo(ControlState.QUEUED);
        flow.awaitNotice(NoticePurpose.ABANDONED);
    }

    @Test
    void afterTheOfferATicketCanBeChosenInsteadOfWaiting() {
        String handoverId = escalate();
        clock.advance(Duration.ofMinutes(11));
        flow.awaitNotice(NoticePurpose.CALLBACK_OFFER);

        flow.says("m2", "TICKET please", flow.analysis("m2").intent("inform", 0.8));

        FollowUpRequested ticket = flow.awaitHandoverEvent(FollowUpRequested.TYPE, any -> true);
        assertThat(ticket.kind()).isEqualTo(FollowUpRequested.Kind.TICKET);
        assertThat(ticket.nextOpeningAt()).isNull();
        assertThat(flow.awaitTransitionTo(ControlState.FAILED).cause()).isEqualTo("TICKET_REQUESTED");
        assertThat(flow.awaitNotice(NoticePurpose.FOLLOW_UP_CONFIRMED).text())
                .isEqualTo("Done: we've created ticket " + ticket.reference() + " and will answer you in writing.");
        assertThat(flow.handover(handoverId).state).isEqualTo(ControlState.FAILED);
    }

    @Test
    void withNobodyOnlineWhoCouldHelpTheCustomerIsToldOnceAndOfferedAlternatives() {
        String handoverId = escalate();
        flow.agentService(
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 1, 0, 0, Instant.now()));
        assertThat(flow.awaitNotice(NoticePurpose.CALLBACK_OFFER).text())
                .startsWith("None of our colleagues who can help");
        flow.agentService(
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 1, 0, 0, Instant.now()));
        flow.agentService(
                ConversationAssigned.TYPE,
                new ConversationAssigned(flow.conversation, handoverId, "sam", "Sam", Instant.now()));

        flow.awaitNotice(NoticePurpose.AGENT_JOINED);
        assertThat(flow.notices(NoticePurpose.CALLBACK_OFFER)).hasSize(1);
        assertThat(flow.notices(NoticePurpose.QUEUE_UPDATE)).isEmpty();
        assertThat(flow.notices(NoticePurpose.OUT_OF_HOURS))
                .as("inside business hours, nobody online is not the same as closed")
                .isEmpty();
    }

    @Test
    void aCustomerAskingAgainWhileWaitingIsReassuredButNotFlooded() {
        String handoverId = escalate();
        flow.says("m2", "hello?? a human please", flow.analysis("m2").asksForAPerson());
        assertThat(flow.awaitNotice(NoticePurpose.QUEUE_UPDATE).text())
                .startsWith("You're in the queue and a person from our support team will be with you");
        String again = flow.says("m3", "HUMAN!", flow.analysis("m3").asksForAPerson());
        await().atMost(PATIENCE).until(() -> ConversationFlow.processed(flow.messageKey("m3"), again));

        flow.agentService(
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 2, 120, 1, Instant.now()));

        assertThat(flow.awaitNotices(NoticePurpose.QUEUE_UPDATE, 2))
                .extracting(notice -> notice.text())
                .containsExactly(
                        flow.notices(NoticePurpose.QUEUE_UPDATE).get(0).text(),
                        "You are number 2 in the queue. Expected wait: about 2 minutes.");
        assertThat(QuarkusTransactionCount.handovers(flow.conversation)).isEqualTo(1);
    }

    @Test
    void aKeywordBeforeAnyOfferIsJustAMessage() {
        String handoverId = escalate();
        flow.says("m2", "my email is erika@example.org", flow.analysis("m2").intent("inform", 0.9));
        flow.agentService(
                ConversationAssigned.TYPE,
                new ConversationAssigned(flow.conversation, handoverId, "sam", "Sam", Instant.now()));

        flow.awaitTransitionTo(ControlState.WITH_AGENT);
        assertThat(flow.handoverEvents(FollowUpRequested.TYPE)).isEmpty();
    }

    private String escalate() {
        flow.says("m1", "I want to talk to a human", flow.analysis("m1").asksForAPerson());
        String handoverId = flow.awaitTakeover().handoverId();
        assertThat(flow.awaitNotice(NoticePurpose.HANDOVER_NOTICE).text())
                .isEqualTo(
                        "I'm bringing in a person from our support team, as you asked. Please stay here, I'll keep you"
                                + " posted on your place in the queue.");
        return handoverId;
    }
}
