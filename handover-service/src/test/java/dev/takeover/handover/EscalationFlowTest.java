package dev.takeover.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.infrastructure.testing.AdjustableClock;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class EscalationFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AdjustableClock clock;

    private TopicRecorder handoverEvents;
    private final String conversation = "conv-" + UUID.randomUUID();

    @BeforeEach
    void record() {
        clock.travelTo(AdjustableClock.WEDNESDAY_MORNING);
        handoverEvents = TopicRecorder.recording(kafka, "handover.events");
    }

    @AfterEach
    void stopRecording() {
        handoverEvents.close();
    }

    @Test
    void aRequestForAPersonBecomesOneTakeoverEventWithReasonEvidenceAndContext() {
        send(ContractRecords.record(InboundMessage.TYPE, customerMessage("m1")));
        await().atMost(PATIENCE)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Conversation.findById(conversation) != null));

        send(ContractRecords.record(MessageAnalyzed.TYPE, analysis("m1", true)));

        HandoverRequested takeover = await().atMost(PATIENCE)
                .until(() -> handoverEvents.events(conversation, HandoverRequested.TYPE), found -> !found.isEmpty())
                .get(0);
        assertThat(takeover.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("CUSTOMER_REQUEST");
            assertThat(reason.evidence().messageIds()).containsExactly("m1");
        });
        assertThat(takeover.language()).isEqualTo("en");
        assertThat(takeover.handoverPackage().channel()).isEqualTo("whatsapp");
        assertThat(takeover.handoverPackage().customerId()).isEqualTo("C-1");
    }

    @Test
    void neitherARedeliveryNorARepeatedRequestOpensASecondHandover() {
        CloudEvent first = CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", conversation, Instant.now());
        CloudEvent second = CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", conversation, Instant.now());
        send(ContractRecords.record(first, MessageAnalyzed.TYPE, analysis("m1", true)));
        send(ContractRecords.record(first, MessageAnalyzed.TYPE, analysis("m1", true)));
        send(ContractRecords.record(second, MessageAnalyzed.TYPE, analysis("m2", true)));

        await().atMost(PATIENCE).until(() -> consumed(first, second));
        await().atMost(PATIENCE)
                .until(() -> handoverEvents.events(conversation, HandoverRequested.TYPE), found -> !found.isEmpty());
        assertThat(handoverEvents.events(conversation, HandoverRequested.TYPE)).hasSize(1);
        assertThat(Handover.count("conversationId", conversation)).isEqualTo(1);
    }

    @Test
    void anAnalysisThatDoesNotAskForAPersonLeavesTheBotInCharge() {
        send(ContractRecords.record(MessageAnalyzed.TYPE, analysis("m1", false)));
        send(ContractRecords.record(MessageAnalyzed.TYPE, analysis("m2", true)));

        HandoverRequested takeover = await().atMost(PATIENCE)
                .until(() -> handoverEvents.events(conversation, HandoverRequested.TYPE), found -> !found.isEmpty())
                .get(0);
        assertThat(takeover.reasons().get(0).evidence().messageIds()).containsExactly("m2");
    }

    @Test
    void aCriticalIssueTheBotRecognisedEscalatesAtOnceAsCriticalWithItsEvidence() {
        MessageAnalyzed analysis = new MessageAnalyzed(
                conversation,
                "m1",
                "de",
                new Intent("service_outage", 0.27),
                new Sentiment(-0.6, Sentiment.Label.NEGATIVE),
                0.3,
                false,
                false,
                null,
                null,
                null,
                null,
                null,
                new MessageAnalyzed.Critical("DATA_LOSS", 0.87, List.of("ausgefallen", "daten")));
        send(ContractRecords.record(MessageAnalyzed.TYPE, analysis));

        HandoverRequested takeover = await().atMost(PATIENCE)
                .until(() -> handoverEvents.events(conversation, HandoverRequested.TYPE), found -> !found.isEmpty())
                .get(0);
        assertThat(takeover.priority()).isEqualTo(HandoverRequested.Priority.URGENT);
        assertThat(takeover.reasons().get(0).code()).isEqualTo("CRITICAL_ISSUE");
        assertThat(takeover.reasons().get(0).detail()).contains("DATA_LOSS").contains("ausgefallen, daten");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> Turn.ofConversation(conversation).get(0).view()))
                .satisfies(turn -> assertThat(turn.critical().evidence()).containsExactly("ausgefallen", "daten"));
    }

    /** True once the service has processed these events (the records before them on the partition too). */
    private static boolean consumed(CloudEvent... events) {
        List<String> keys = Stream.of(events).map(ce -> ce.id().toString()).toList();
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Handover.getEntityManager()
                                        .createNativeQuery(
                                                "select count(*) from processed_event where idempotency_key in (:keys)")
                                        .setParameter("keys", keys)
                                        .getSingleResult())
                                .intValue()
                        == keys.size());
    }

    private InboundMessage customerMessage(String messageId) {
        return new InboundMessage(
                messageId, conversation, "whatsapp", "I want to talk to a human", "C-1", "Erika", null, null, null);
    }

    private MessageAnalyzed analysis(String messageId, boolean humanRequested) {
        return new MessageAnalyzed(
                conversation,
                messageId,
                "en",
                new Intent(humanRequested ? "human_request" : "order_status", 0.9),
                new Sentiment(-0.1, Sentiment.Label.NEUTRAL),
                0.2,
                humanRequested,
                false);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        kafka.produce(String.class, byte[].class).fromRecords(record).awaitCompletion(PATIENCE);
    }
}
