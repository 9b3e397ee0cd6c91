package dev.takeover.handover;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.handover.waiting.NoticePurpose;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static dev.takeover.handover.ConversationFlow.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each built-in reason, end to end: analyses in, one explained takeover event and a notice out. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class EscalationReasonsFlowTest extends FlowTest {

    @Test
    void aFrustratedCustomerGetsAPersonWithHighPriorityAndIsToldWhyInTheirLanguage() {
        flow.speaking("de")
                .says("m1", "Das ist jetzt das dritte Mal!", flow.analysis("m1").frustration(0.85));

        HandoverRequested takeover = flow.awaitTakeover();
        assertThat(takeover.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("NEGATIVE_SENTIMENT");
            assertThat(reason.evidence().messageIds()).containsExactly(flow.msg("m1"));
            assertThat(reason.evidence().scores()).containsEntry("frustration", 0.85);
        });
        assertThat(takeover.priority()).isEqualTo(Priority.HIGH);
        assertThat(takeover.language()).isEqualTo("de");
        assertThat(flow.awaitNotice(NoticePurpose.HANDOVER_NOTICE).text())
                .startsWith("Ich hole eine Person aus unserem Support-Team dazu, damit sich jemand persönlich");
        HandoverStateChanged opened = flow.awaitTransitionTo(ControlState.REQUESTED);
        assertThat(opened.from()).isEqualTo(ControlState.BOT);
        assertThat(opened.cause()).isEqualTo("NEGATIVE_SENTIMENT");
    }

    @Test
    void sentimentFallingOverThreeMessagesEscalatesWithTheWholeTrendAsEvidence() {
        flow.says("m1", "hi", flow.analysis("m1").sentiment(0.3));
        flow.says("m2", "hmm", flow.analysis("m2").sentiment(-0.1));
        flow.says("m3", "this is bad", flow.analysis("m3").sentiment(-0.5));

        HandoverRequested takeover = flow.awaitTakeover();
        assertThat(takeover.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("NEGATIVE_SENTIMENT");
            assertThat(reason.evidence().messageIds()).containsExactly(flow.msg("m1"), flow.msg("m2"), flow.msg("m3"));
            assertThat(reason.evidence().scores()).containsEntry("from", 0.3).containsEntry("to", -0.5);
        });
        assertThat(takeover.handoverPackage().sentimentTrend()).containsExactly(0.3, -0.1, -0.5);
    }

    @Test
    void threeTurnsTheBotCouldNotHandleEscalateCountingAFailedClarificationTheBotReports() {
        flow.says("m1", "blorp", flow.analysis("m1").outOfScope());
        flow.says("m2", "the thing with the stuff", flow.analysis("m2").intent("unknown", 0.2));
        flow.customerWrites("m3", "I told you already");
        flow.analysed(flow.analysis("m3").intent("order_status", 0.9).clarificationFailed());

        HandoverRequested takeover = flow.awaitTakeover();
        assertThat(takeover.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("BOT_FAILURE");
            assertThat(reason.evidence().counts())
                    .containsEntry("consecutiveFailures", 3)
                    .containsEntry("outOfScope", 1)
                    .containsEntry("lowConfidence", 1)
                    .containsEntry("failedClarification", 1);
        });
    }

    @Test
    void rejectingTheBotsAnswerEscalatesAndThePackageSaysWhatTheBotTried() {
        flow.says("m1", "Where is my order?", flow.analysis("m1").intent("order_status", 0.9));
        CloudEvent answer = CloudEvent.create(MessageSent.TYPE, "/bot-service", flow.conversation, Instant.now());
        flow.send(ContractRecords.record(
                answer,
                MessageSent.TYPE,
                new MessageSent(
                        "bot-answer-" + flow.conversation,
                        flow.conversation,
                        "webchat",
                        new Sender(Sender.Type.BOT, "bot-service", "Assistant"),
                        "Your order left our warehouse yesterday.",
                        Instant.now(),
                        "ANSWER")));
        await().atMost(PATIENCE)
                .until(() -> ConversationFlow.processed(answer.id().toString()));

        flow.says(
                "m2",
                "No, that's not true, it never shipped",
                flow.analysis("m2").intent("deny", 0.8));

        HandoverRequested takeover = flow.awaitTakeover();
        assertThat(takeover.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("BOT_FAILURE");
            assertThat(reason.detail()).contains("intent deny right after the bot's answer");
            assertThat(reason.evidence().messageIds()).containsExactly(flow.msg("m2"));
        });
        assertThat(takeover.handoverPackage().botAttempts())
                .containsExactly("ANSWER: Your order left our warehouse yesterday.");
        assertThat(takeover.handoverPackage().intents()).containsExactly("order_status", "deny");
    }

    @Test
    void aRejectionTheBotFlagsItselfEscalatesToo() {
        flow.customerWrites("m1", "That doesn't help me");
        flow.analysed(flow.analysis("m1").intent("feedback", 0.7).rejectedBotAnswer());

        assertThat(flow.awaitTakeover().reasons()).extracting(Reason::code).containsExactly("BOT_FAILURE");
    }

    @Test
    void aCriticalIssueTheBotRecognisedEscalatesAtOnceAsUrgent() {
        flow.says(
                "m1",
                "All my data is gone from your server!",
                flow.analysis("m1").intent("data_loss", 0.95).critical("DATA_LOSS", 0.97, "data", "gone"));

        HandoverRequested takeover = flow.awaitTakeover();
        assertThat(takeover.reasons()).extracting(Reason::code).containsExactly("CRITICAL_ISSUE");
        assertThat(takeover.priority()).isEqualTo(Priority.URGENT);
        assertThat(flow.awaitNotice(NoticePurpose.HANDOVER_NOTICE).text())
                .contains("right away, as this sounds urgent");
    }

    @Test
    void aVipCustomerAskingForAPersonIsServedWithHighPriorityAndThePackageSaysWhy() {
        // The message first, as the bot answers only what it has read: the two come on different topics, and an
        // analysis handled before its message escalates without the message's attributes.
        flow.with(Map.of("vip", "true")).customerWrites("m1", "I want to talk to a human");
        await().atMost(PATIENCE).until(() -> ConversationFlow.processed(flow.messageKey("m1")));
        flow.analysed(flow.analysis("m1").asksForAPerson());

        HandoverRequested takeover = flow.awaitTakeover();
        assertThat(takeover.reasons())
                .extracting(Reason::code)
                .containsExactly("CUSTOMER_REQUEST", "CUSTOMER_ATTRIBUTE");
        assertThat(takeover.priority()).isEqualTo(Priority.HIGH);
        assertThat(takeover.handoverPackage().summary()).contains("(vip=true)");
    }

    @Test
    void theSameCustomerBackOnTheSameTopicGoesToAPersonAtOnce() {
        try (ConversationFlow earlier = new ConversationFlow(kafka)) {
            earlier.says("m1", "Where is my parcel?", earlier.analysis("m1").intent("order_status", 0.9));
            await().atMost(PATIENCE).until(() -> ConversationFlow.processed(earlier.messageKey("m1")));

            flow.asCustomerOf(earlier)
                    .says(
                            "m1",
                            "My parcel still isn't here",
                            flow.analysis("m1").intent("order_status", 0.9));

            HandoverRequested takeover = flow.awaitTakeover();
            assertThat(takeover.reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.code()).isEqualTo("REPEATED_CONTACT");
                assertThat(reason.detail()).contains(earlier.conversation);
                assertThat(reason.evidence().counts()).containsEntry("earlierContacts", 1);
            });
            assertThat(earlier.takeovers()).isEmpty();
        }
    }

    @Test
    void anAnalysisBeforeItsMessageStillEscalatesOnceWithTheFullContext() {
        flow.botCollected(Map.of("customerNumber", "K-123", "email", "erika@example.org"));
        flow.analysed(flow.analysis("m1").asksForAPerson());
        flow.awaitTakeover();
        flow.customerWrites("m1", "I want to talk to a human");
        flow.says("m2", "hello??", flow.analysis("m2").asksForAPerson());

        await().atMost(PATIENCE).until(() -> ConversationFlow.processed(flow.messageKey("m1"), flow.messageKey("m2")));
        assertThat(flow.takeovers()).hasSize(1);
        assertThat(QuarkusTransactionCount.handovers(flow.conversation)).isEqualTo(1);
        // The greeting waited for the channel, which only the customer's message tells.
        assertThat(flow.awaitNotice(NoticePurpose.HANDOVER_NOTICE).channel()).isEqualTo("webchat");
    }

    @Test
    void theHandoverPackageCarriesWhatTheBotCollectedAndASummary() {
        flow.botCollected(Map.of("customerNumber", "K-123", "email", "erika@example.org"));
        flow.says("m1", "My invoice is wrong", flow.analysis("m1").intent("invoice_question", 0.9));
        flow.says("m2", "I want to talk to a human", flow.analysis("m2").asksForAPerson());

        HandoverRequested takeover = flow.awaitTakeover();
        assertThat(takeover.handoverPackage().collectedData())
                .containsEntry("customerNumber", "K-123")
                .containsEntry("email", "erika@example.org");
        assertThat(takeover.handoverPackage().customerId()).isEqualTo(flow.customer);
        assertThat(takeover.handoverPackage().customerName()).isEqualTo("Erika");
        assertThat(takeover.handoverPackage().summary())
                .contains("wrote 2 messages on webchat about invoice_question, human_request")
                .contains("Collected: customerNumber, email.")
                .contains("First message: \"My invoice is wrong\"");
    }

    @Test
    void aLateAnalysisOfAnOlderMessageDoesNotOpenASecondEscalation() {
        flow.analysed(flow.analysis("m2").asksForAPerson());
        flow.awaitTakeover();
        CloudEvent late = CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", flow.conversation, Instant.now());
        flow.send(ContractRecords.record(
                late, MessageAnalyzed.TYPE, flow.analysis("m1").asksForAPerson().build()));

        await().atMost(PATIENCE)
                .until(() -> ConversationFlow.processed(late.id().toString()));
        assertThat(QuarkusTransactionCount.handovers(flow.conversation)).isEqualTo(1);
    }
}
