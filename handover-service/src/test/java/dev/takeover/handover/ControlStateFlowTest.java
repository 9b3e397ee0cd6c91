package dev.takeover.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationHandedBack;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationRequeued;
import dev.takeover.events.agent.ConversationResolved;
import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.handover.waiting.NoticePurpose;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static dev.takeover.handover.ConversationFlow.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The control state follows agent-service's events, every transition is published with its cause, and the customer is told. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ControlStateFlowTest extends FlowTest {

    @Test
    void fromBotToAgentAndBackEveryTransitionIsPublishedWithItsCauseAndTheCustomerIsToldEachStep() {
        String handoverId = escalate();

        flow.agentService(
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 3, 300, 2, Instant.now()));
        assertThat(flow.awaitNotice(NoticePurpose.QUEUE_UPDATE).text())
                .isEqualTo("You are number 3 in the queue. Expected wait: about 5 minutes.");

        flow.agentService(
                ConversationAssigned.TYPE,
                new ConversationAssigned(flow.conversation, handoverId, "sam", "Sam", Instant.now()));
        assertThat(flow.awaitNotice(NoticePurpose.AGENT_JOINED).text())
                .isEqualTo("Sam from support has joined the conversation.");

        flow.agentService(
                ConversationRequeued.TYPE,
                new ConversationRequeued(flow.conversation, handoverId, "sam", "AGENT_OFFLINE", Instant.now()));
        flow.awaitNotice(NoticePurpose.REQUEUED);

        flow.agentService(
                ConversationAssigned.TYPE,
                new ConversationAssigned(flow.conversation, handoverId, "kim", "Kim", Instant.now()));
        assertThat(flow.awaitNotices(NoticePurpose.AGENT_JOINED, 2).get(1).text())
                .startsWith("Kim from support");

        flow.agentService(
                ConversationHandedBack.TYPE,
                new ConversationHandedBack(flow.conversation, handoverId, "kim", "solved", Instant.now()));
        assertThat(flow.awaitNotice(NoticePurpose.HAND_BACK).text())
                .startsWith("Kim has handed you back to our virtual assistant.");

        HandoverStateChanged last = flow.awaitTransitionTo(ControlState.HANDED_BACK);
        assertThat(last.cause()).isEqualTo("HANDED_BACK_BY_AGENT");
        assertThat(flow.transitions())
                .extracting(change -> change.from() + ">" + change.to() + ":" + change.cause())
                .containsExactly(
                        "BOT>REQUESTED:CUSTOMER_REQUEST",
                        "REQUESTED>QUEUED:QUEUED",
                        "QUEUED>WITH_AGENT:AGENT_ASSIGNED",
                        "WITH_AGENT>QUEUED:REQUEUED",
                        "QUEUED>WITH_AGENT:AGENT_ASSIGNED",
                        "WITH_AGENT>HANDED_BACK:HANDED_BACK_BY_AGENT");
        assertThat(flow.transitions())
                .extracting(HandoverStateChanged::handoverId)
                .containsOnly(handoverId);
    }

    @Test
    void afterAHandBackTheNextRequestIsANewEscalationJudgedOnlyOnNewMessages() {
        String first = escalate();
        flow.agentService(
                ConversationAssigned.TYPE,
                new ConversationAssigned(flow.conversation, first, "sam", "Sam", Instant.now()));
        flow.agentService(
                ConversationHandedBack.TYPE,
                new ConversationHandedBack(flow.conversation, first, "sam", null, Instant.now()));
        flow.awaitTransitionTo(ControlState.HANDED_BACK);

        flow.says("m9", "person please, again", flow.analysis("m9").asksForAPerson());

        List<HandoverRequested> takeovers = await().atMost(PATIENCE).until(flow::takeovers, found -> found.size() == 2);
        assertThat(takeovers.get(1).handoverId()).isNotEqualTo(first);
        assertThat(takeovers.get(1).reasons().get(0).evidence().messageIds()).containsExactly(flow.msg("m9"));
    }

    @Test
    void queueUpdatesAreThrottledButTheLatestPositionIsToldWhenTheIntervalHasPassed() {
        String handoverId = escalate();
        CloudEvent third =
                CloudEvent.create(QueuePositionChanged.TYPE, "/agent-service", flow.conversation, Instant.now());
        CloudEvent second =
                CloudEvent.create(QueuePositionChanged.TYPE, "/agent-service", flow.conversation, Instant.now());
        flow.send(ContractRecords.record(
                third,
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 3, 600, 2, Instant.now())));
        flow.send(ContractRecords.record(
                second,
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 2, 400, 2, Instant.now())));
        await().atMost(PATIENCE)
                .until(() -> ConversationFlow.processed(
                        third.id().toString(), second.id().toString()));

        Handover throttled = flow.handover(handoverId);
        assertThat(throttled.notices().notifiedPosition()).isEqualTo(3);
        assertThat(throttled.notices().queuePosition()).isEqualTo(2);
        assertThat(throttled.timers().queueNoticeAt()).isNotNull();

        clock.advance(Duration.ofSeconds(31));
        List<MessageSent> updates = flow.awaitNotices(NoticePurpose.QUEUE_UPDATE, 2);
        assertThat(updates)
                .extracting(MessageSent::text)
                .containsExactly(
                        "You are number 3 in the queue. Expected wait: about 10 minutes.",
                        "You are number 2 in the queue. Expected wait: about 7 minutes.");

        // Nothing new to tell: the same position and a wait within a minute change nothing.
        CloudEvent same =
                CloudEvent.create(QueuePositionChanged.TYPE, "/agent-service", flow.conversation, Instant.now());
        flow.send(ContractRecords.record(
                same,
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 2, 380, 2, Instant.now())));
        flow.agentService(
                ConversationAssigned.TYPE,
                new ConversationAssigned(flow.conversation, handoverId, "sam", "Sam", Instant.now()));
        flow.awaitNotice(NoticePurpose.AGENT_JOINED);
        assertThat(flow.notices(NoticePurpose.QUEUE_UPDATE)).hasSize(2);
    }

    @Test
    void aResolvedConversationIgnoresLateQueueEventsOfItsHandover() {
        String handoverId = escalate();
        flow.agentService(
                ConversationOffered.TYPE,
                new ConversationOffered(
                        flow.conversation,
                        handoverId,
                        "sam",
                        "Sam",
                        Instant.now(),
                        Instant.now().plusSeconds(30)));
        flow.agentService(
                ConversationAssigned.TYPE,
                new ConversationAssigned(flow.conversation, handoverId, "sam", "Sam", Instant.now()));
        flow.agentService(
                ConversationResolved.TYPE,
                new ConversationResolved(flow.conversation, handoverId, "sam", "refunded", Instant.now()));
        flow.awaitNotice(NoticePurpose.RESOLVED);

        CloudEvent late =
                CloudEvent.create(QueuePositionChanged.TYPE, "/agent-service", flow.conversation, Instant.now());
        flow.send(ContractRecords.record(
                late,
                QueuePositionChanged.TYPE,
                new QueuePositionChanged(flow.conversation, handoverId, 1, 10, 1, Instant.now())));
        await().atMost(PATIENCE)
                .until(() -> ConversationFlow.processed(late.id().toString()));

        assertThat(flow.handover(handoverId).state).isEqualTo(ControlState.RESOLVED);
        assertThat(flow.transitions())
                .extracting(change -> change.to() + ":" + change.cause())
                .containsExactly(
                        "REQUESTED:CUSTOMER_REQUEST",
                        "QUEUED:OFFERED",
                        "WITH_AGENT:AGENT_ASSIGNED",
                        "RESOLVED:RESOLVED_BY_AGENT");
        assertThat(flow.notices(NoticePurpose.QUEUE_UPDATE)).isEmpty();
    }

    @Test
    void aCustomerWhoStopsAnsweringTheAgentIsAbandonedButAnAnswerKeepsTheConversationOpen() {
        String handoverId = escalate();
        flow.agentService(
                ConversationAssigned.TYPE,
                new ConversationAssigned(flow.conversation, handoverId, "sam", "Sam", Instant.now()));
        flow.awaitTransitionTo(ControlState.WITH_AGENT);
        flow.agentWrites("sam", "Hi Erika, what's your order number?");
        await().atMost(PATIENCE).until(() -> flow.handover(handoverId).timers().abandonAt() != null);

        flow.says("m2", "It's 4711", flow.analysis("m2").intent("inform", 0.9));
        await().atMost(PATIENCE).until(() -> flow.handover(handoverId).timers().abandonAt() == null);

        flow.agentWrites("sam", "Thanks, and your postcode?");
        await().atMost(PATIENCE).until(() -> flow.handover(handoverId).timers().abandonAt() != null);
        clock.advance(Duration.ofMinutes(21));

        HandoverStateChanged abandoned = flow.awaitTransitionTo(ControlState.ABANDONED);
        assertThat(abandoned.cause()).isEqualTo("CUSTOMER_UNRESPONSIVE");
        assertThat(flow.awaitNotice(NoticePurpose.ABANDONED).text()).startsWith("As we haven't heard from you");
    }

    private String escalate() {
        flow.says("m1", "I want to talk to a human", flow.analysis("m1").asksForAPerson());
        String handoverId = flow.awaitTakeover().handoverId();
        flow.awaitNotice(NoticePurpose.HANDOVER_NOTICE);
        return handoverId;
    }
}
