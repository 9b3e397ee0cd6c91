package dev.takeover.handover;

import java.time.Instant;
import java.util.Map;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.handover.FollowUpRequested;
import dev.takeover.handover.waiting.NoticePurpose;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static dev.takeover.handover.ConversationFlow.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whether anybody is there to take over is agent-service's word; the business calendar answers only when agent-service
 * says nothing in time. Behind it, a real run: a Monday at 22:43, an agent online, and the customer was told that
 * nobody was there until Tuesday morning.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PresenceFlowTest extends FlowTest {

    private static final String MONDAY_NIGHT = "2026-11-23T22:43";
    private static final Instant TUESDAY_OPENING = Instant.parse("2026-11-24T07:00:00Z");
    private static final String BACK_ON_TUESDAY = "Wir sind am Dienstag, 24. November, um 08:00 Uhr (MEZ) wieder da.";

    @Inject
    HandoverConfig config;

    @Inject
    Handovers handovers;

    @Test
    void outOfHoursWithAnAgentOnlineTheCustomerHearsThatTheAgentJoinedAndNothingAboutClosedHours() {
        clock.travelTo(MONDAY_NIGHT);
        String handoverId = escalate();

        String offer = flow.agentService(
                ConversationOffered.TYPE,
                new ConversationOffered(
                        flow.conversation,
                        handoverId,
                        "anna",
                        "Anna",
                        Instant.now(),
                        Instant.now().plusSeconds(60)));
        await().atMost(PATIENCE).until(() -> ConversationFlow.processed(offer));
        Handover offered = flow.handover(handoverId);
        assertThat(offered.agentsOnline()).isTrue();
        assertThat(offered.timers().presenceDueAt())
                .as("agent-service spoke: no calendar fallback")
                .isNull();
        assertThat(offered.timers().waitLimitAt())
                .as("people are there, so the wait limit counts from the escalation, not from Tuesday")
                .isEqualTo(offered.requestedAt.plus(config.waiting().waitLimit()));

        // Past the grace, the timers run as the timer job would; nothing is due, so nothing is said.
        clock.advance(config.waiting().presenceGrace().plusSeconds(1));
        handovers.runDueTimers(flow.conversation);
        flow.agentService(
                ConversationAssigned.TYPE,
                new ConversationAssigned(flow.conversation, handoverId, "anna", "Anna", Instant.now()));

        assertThat(flow.awaitNotice(NoticePurpose.AGENT_JOINED).text())
                .isEqualTo("Anna aus dem Support ist jetzt für Sie da.");
        assertThat(flow.systemNotices())
                .extracting(MessageSent::purpose)
                .containsExactly(NoticePurpose.HANDOVER_NOTICE, NoticePurpose.AGENT_JOINED);
    }

    @Test
    void outOfHoursWithNobodyOnlineTheCustomerLearnsWhenPeopleAreBackOnceHoweverOftenAgentServiceRepeatsIt() {
        clock.travelTo(MONDAY_NIGHT);
        String handoverId = escalate();
        CloudEvent firstReport =
                CloudEvent.create(QueuePositionChanged.TYPE, "/agent-service", flow.conversation, Instant.now());
        QueuePositionChanged nobodyOnline =
                new QueuePositionChanged(flow.conversation, handoverId, 1, 0, 0, Instant.now());
        flow.send(ContractRecords.record(firstReport, QueuePositionChanged.TYPE, nobodyOnline));

        assertThat(flow.awaitNotice(NoticePurpose.OUT_OF_HOURS).text())
                .contains(BACK_ON_TUESDAY)
                .contains("Alles, was Sie hier schreiben, bleibt erhalten")
                .contains("RÜCKRUF")
                .contains("TICKET");
        Handover waiting = flow.handover(handoverId);
        assertThat(waiting.agentsOnline()).isFalse();
        assertThat(waiting.timers().presenceDueAt()).isNull();
        assertThat(waiting.timers().abandonAt())
                .as("nobody is abandoned for waiting overnight")
                .isNull();
        assertThat(waiting.timers().waitLimitAt())
                .isEqualTo(TUESDAY_OPENING.plus(config.waiting().waitLimit()));

        // The same report redelivered, a later one still saying nobody is online, and the grace passing.
        flow.send(ContractRecords.record(firstReport, QueuePositionChanged.TYPE, nobodyOnline));
        flow.agentService(
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 1, 0, 0, Instant.now()));
        clock.advance(config.waiting().presenceGrace().plusSeconds(1));
        handovers.runDueTimers(flow.conversation);
        // Later on the same partition: an agent comes online after all.
        flow.agentService(
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 1, 120, 1, Instant.now()));

        assertThat(flow.awaitNotice(NoticePurpose.QUEUE_UPDATE).text())
                .isEqualTo("Sie sind als Nächstes an der Reihe. Voraussichtliche Wartezeit: etwa 2 Minuten.");
        assertThat(flow.systemNotices())
                .extracting(MessageSent::purpose)
                .containsExactly(NoticePurpose.HANDOVER_NOTICE, NoticePurpose.OUT_OF_HOURS, NoticePurpose.QUEUE_UPDATE);
        assertThat(flow.handover(handoverId).timers().waitLimitAt())
                .as("someone is there now: the wait limit counts from now, not from Tuesday")
                .isBeforeOrEqualTo(clock.instant().plus(config.waiting().waitLimit()))
                .isBefore(TUESDAY_OPENING);
    }

    @Test
    void outOfHoursWithAgentsOnlineTheWaitLimitCountsFromNowAndSilenceAfterTheOfferMeansTheCustomerLeft() {
        clock.travelTo(MONDAY_NIGHT);
        String handoverId = escalate();
        flow.agentService(
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 3, 600, 2, Instant.now()));
        assertThat(flow.awaitNotice(NoticePurpose.QUEUE_UPDATE).text())
                .isEqualTo("Sie sind auf Platz 3 der Warteschlange. Voraussichtliche Wartezeit: etwa 10 Minuten.");

        clock.advance(config.waiting().waitLimit().plusMinutes(1));

        assertThat(flow.awaitNotice(NoticePurpose.CALLBACK_OFFER).text())
                .startsWith("Entschuldigen Sie die Wartezeit")
                .contains("RÜCKRUF");
        await().atMost(PATIENCE).until(() -> flow.handover(handoverId).timers().abandonAt() != null);
        assertThat(flow.systemNotices())
                .extracting(MessageSent::purpose)
                .containsExactly(
                        NoticePurpose.HANDOVER_NOTICE, NoticePurpose.QUEUE_UPDATE, NoticePurpose.CALLBACK_OFFER);
    }

    @Test
    void outOfHoursWithoutAWordFromAgentServiceTheCalendarDecidesWhenTheGracePasses() {
        clock.travelTo(MONDAY_NIGHT);
        flow.botCollected(Map.of("phone", "+49 30 1234567"));
        String handoverId = escalate();
        Handover escalated = flow.handover(handoverId);
        assertThat(escalated.timers().presenceDueAt())
                .isEqualTo(escalated.requestedAt.plus(config.waiting().presenceGrace()));

        clock.advance(config.waiting().presenceGrace());

        assertThat(flow.awaitNotice(NoticePurpose.OUT_OF_HOURS).text())
                .contains(BACK_ON_TUESDAY)
                .contains("RÜCKRUF");
        Handover waiting = flow.handover(handoverId);
        assertThat(waiting.timers().presenceDueAt()).isNull();
        assertThat(waiting.agentsOnline()).isNull();
        assertThat(waiting.timers().abandonAt()).isNull();
        assertThat(waiting.timers().waitLimitAt())
                .isEqualTo(TUESDAY_OPENING.plus(config.waiting().waitLimit()));

        // agent-service's report arrives late, and twice; the customer already knows.
        CloudEvent late =
                CloudEvent.create(QueuePositionChanged.TYPE, "/agent-service", flow.conversation, Instant.now());
        QueuePositionChanged nobodyOnline =
                new QueuePositionChanged(flow.conversation, handoverId, 1, 0, 0, Instant.now());
        flow.send(ContractRecords.record(late, QueuePositionChanged.TYPE, nobodyOnline));
        flow.send(ContractRecords.record(late, QueuePositionChanged.TYPE, nobodyOnline));
        String after = flow.agentService(
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 1, 0, 0, Instant.now()));
        await().atMost(PATIENCE).until(() -> ConversationFlow.processed(after));
        flow.says("m2", "Ja, bitte Rückruf", flow.analysis("m2").intent("affirm", 0.8));

        FollowUpRequested callback = flow.awaitHandoverEvent(FollowUpRequested.TYPE, any -> true);
        assertThat(callback.kind()).isEqualTo(FollowUpRequested.Kind.CALLBACK);
        assertThat(callback.nextOpeningAt()).isEqualTo(TUESDAY_OPENING);
        assertThat(callback.contact()).containsEntry("phone", "+49 30 1234567");
        flow.awaitNotice(NoticePurpose.FOLLOW_UP_CONFIRMED);
        assertThat(flow.systemNotices())
                .extracting(MessageSent::purpose)
                .containsExactly(
                        NoticePurpose.HANDOVER_NOTICE, NoticePurpose.OUT_OF_HOURS, NoticePurpose.FOLLOW_UP_CONFIRMED);
    }

    @Test
    void whenAgentServiceSpeaksBeforeTheChannelIsKnownTheCustomerHearsItRightAfterTheGreeting() {
        clock.travelTo(MONDAY_NIGHT);
        flow.speaking("de").analysed(flow.analysis("m1").asksForAPerson());
        String handoverId = flow.awaitTakeover().handoverId();
        String report = flow.agentService(
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 1, 0, 0, Instant.now()));
        await().atMost(PATIENCE).until(() -> ConversationFlow.processed(report));
        assertThat(flow.systemNotices()).isEmpty();

        flow.customerWrites("m1", "Ich möchte mit einem Mitarbeiter sprechen");

        assertThat(flow.awaitNotice(NoticePurpose.OUT_OF_HOURS).text()).contains(BACK_ON_TUESDAY);
        assertThat(flow.systemNotices())
                .extracting(MessageSent::purpose)
                .containsExactly(NoticePurpose.HANDOVER_NOTICE, NoticePurpose.OUT_OF_HOURS);
    }

    private String escalate() {
        flow.speaking("de")
                .says(
                        "m1",
                        "Ich möchte mit einem Mitarbeiter sprechen",
                        flow.analysis("m1").asksForAPerson());
        String handoverId = flow.awaitTakeover().handoverId();
        assertThat(flow.awaitNotice(NoticePurpose.HANDOVER_NOTICE).text())
                .startsWith("Ich hole eine Person aus unserem Support-Team dazu, wie gewünscht.");
        return handoverId;
    }
}
