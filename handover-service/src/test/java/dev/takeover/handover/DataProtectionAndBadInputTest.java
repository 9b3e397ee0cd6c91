package dev.takeover.handover;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.transcript.CustomerDataErased;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static dev.takeover.handover.ConversationFlow.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Malformed input is parked with its reason while the conversation goes on; an erasure request is honoured. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DataProtectionAndBadInputTest extends FlowTest {

    @Test
    void aMalformedAnalysisGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneStillCounts() {
        try (TopicRecorder deadLetters = TopicRecorder.recording(kafka, "handover-service.dlq")) {
            CloudEvent broken =
                    CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", flow.conversation, Instant.now());
            flow.send(new ProducerRecord<>(
                    "bot.analysis",
                    null,
                    flow.conversation,
                    "{\"conversationId\":\"x\",\"frustration\":7}".getBytes(StandardCharsets.UTF_8),
                    broken.toHeaders()));
            flow.analysed(flow.analysis("m1").asksForAPerson());

            ConsumerRecord<String, byte[]> parked = await().atMost(PATIENCE)
                    .until(() -> deadLetters.records(flow.conversation), found -> !found.isEmpty())
                    .get(0);
            assertThat(TopicRecorder.header(parked, "dead-letter-reason")).contains("MessageAnalyzed");
            assertThat(flow.awaitTakeover().reasons().get(0).code()).isEqualTo("CUSTOMER_REQUEST");
        }
    }

    @Test
    void aNulCharacterInACustomerMessageIsKeptVisiblyAndTheRequestForAPersonCounts() {
        try (TopicRecorder deadLetters = TopicRecorder.recording(kafka, "handover-service.dlq")) {
            flow.says(
                    "m1", "I want to talk to a human\u0000", flow.analysis("m1").asksForAPerson());

            assertThat(flow.awaitTakeover().reasons().get(0).code()).isEqualTo("CUSTOMER_REQUEST");
            await().atMost(PATIENCE)
                    .until(() -> QuarkusTransaction.requiringNew()
                            .call(() -> Turn.ofConversation(flow.conversation).stream()
                                    .map(turn -> turn.text)
                                    .toList())
                            .equals(List.of("I want to talk to a human\uFFFD")));
            assertThat(deadLetters.records(flow.conversation)).isEmpty();
        }
    }

    @Test
    void anErasureForgetsWhoTheCustomerIsAndWhatTheyWrote() {
        flow.with(Map.of("vip", "true")).says("m1", "My address is Hauptstr. 1", flow.analysis("m1"));
        String collected = flow.botCollected(Map.of("email", "erika@example.org"));
        CloudEvent erasure =
                CloudEvent.create(CustomerDataErased.TYPE, "/transcript-service", flow.conversation, Instant.now());
        await().atMost(PATIENCE).until(() -> ConversationFlow.processed(flow.messageKey("m1"), collected));

        flow.send(ContractRecords.record(
                erasure,
                CustomerDataErased.TYPE,
                new CustomerDataErased(
                        flow.conversation, flow.customer, "erasure-" + UUID.randomUUID(), Instant.now())));
        await().atMost(PATIENCE)
                .until(() -> ConversationFlow.processed(erasure.id().toString()));

        QuarkusTransaction.requiringNew().run(() -> {
            Conversation conversation = Conversation.findById(flow.conversation);
            assertThat(conversation.customerId).isNull();
            assertThat(conversation.customerName).isNull();
            assertThat(conversation.attributes).isEmpty();
            assertThat(conversation.collectedData).isEmpty();
            List<Turn> turns = Turn.ofConversation(flow.conversation);
            assertThat(turns)
                    .isNotEmpty()
                    .allSatisfy(turn -> assertThat(turn.text).isNull());
        });
    }
}
