package dev.takeover.handover;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.EventCodec;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.handover.messaging.ConversationConsumers;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.PolledBatch;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static dev.takeover.handover.ConversationFlow.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Batches exactly as a poll could deliver them, handed to the service's own consumers: each record is handled once,
 * in order, and whatever cannot be processed is parked alone while the rest commits.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BatchConsumptionTest extends FlowTest {

    private static final String DLQ = "handover-service.dlq";

    @Inject
    ConversationConsumers consumers;

    @Inject
    DataSource dataSource;

    @Test
    void aRecordTheDatabaseRefusesInTheMiddleOfABatchIsParkedAloneAndItsNeighboursCommitInOrder() {
        try (TopicRecorder deadLetters = TopicRecorder.recording(kafka, DLQ);
                DatabaseFault fault = DatabaseFault.failing(dataSource, "turn", "new.text = 'poison'", "22023")) {
            PolledBatch batch = PolledBatch.polled()
                    .on(0, customerMessage(flow, "m1", "first"))
                    .on(0, customerMessage(flow, "m2", "poison"))
                    .on(0, customerMessage(flow, "m3", "third"));

            consumers.customerMessages(batch.records());

            assertThat(turns(flow.conversation)).containsExactly(flow.msg("m1"), flow.msg("m3"));
            assertThat(ConversationFlow.processed(flow.messageKey("m1"), flow.messageKey("m3")))
                    .isTrue();
            assertThat(ConversationFlow.processed(flow.messageKey("m2"))).isFalse();
            ConsumerRecord<String, byte[]> parked = await().atMost(PATIENCE)
                    .until(() -> deadLetters.records(flow.conversation), found -> !found.isEmpty())
                    .get(0);
            assertThat(TopicRecorder.header(parked, "dead-letter-reason"))
                    .startsWith("cannot be processed: ")
                    .endsWith("(SQLState 22023)");
            assertThat(TopicRecorder.header(parked, "dead-letter-offset"))
                    .isEqualTo(String.valueOf(batch.list().get(1).offset()));
            assertThat(deadLetters.records(flow.conversation)).hasSize(1);
        }
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        PolledBatch messages = PolledBatch.polled().on(0, customerMessage(flow, "m1", "I want to talk to a person"));
        PolledBatch analyses = PolledBatch.polled()
                .on(
                        0,
                        ContractRecords.record(
                                MessageAnalyzed.TYPE,
                                flow.analysis("m1").asksForAPerson().build()));

        consumers.customerMessages(messages.records());
        consumers.analyses(analyses.records());
        consumers.customerMessages(messages.records());
        consumers.analyses(analyses.records());

        assertThat(QuarkusTransactionCount.handovers(flow.conversation)).isEqualTo(1);
        assertThat(turns(flow.conversation)).containsExactly(flow.msg("m1"));
        assertThat(flow.awaitTakeover().conversationId()).isEqualTo(flow.conversation);
    }

    @Test
    void anEventTwiceInOneBatchIsHandledOnce() {
        ProducerRecord<String, byte[]> message = customerMessage(flow, "m1", "hello");
        ProducerRecord<String, byte[]> analysis = ContractRecords.record(
                MessageAnalyzed.TYPE, flow.analysis("m1").asksForAPerson().build());

        consumers.customerMessages(PolledBatch.polled()
                .on(0, message)
                .on(0, message)
                .on(0, message)
                .records());
        consumers.analyses(PolledBatch.polled().on(0, analysis).on(0, analysis).records());

        assertThat(turns(flow.conversation)).containsExactly(flow.msg("m1"));
        assertThat(QuarkusTransactionCount.handovers(flow.conversation)).isEqualTo(1);
    }

    @Test
    void whileTheDatabaseFailsTheBatchIsRetriedWholeAndStoredOnceWhenItRecovers() throws Exception {
        CompletableFuture<Void> consuming;
        try (DatabaseFault outage = DatabaseFault.failing(
                dataSource, "turn", "new.conversation_id = '" + flow.conversation + "'", "40001")) {
            PolledBatch batch = PolledBatch.polled()
                    .on(2, customerMessage(flow, "m1", "first"))
                    .on(2, customerMessage(flow, "m2", "second"));
            consuming = CompletableFuture.runAsync(() -> consumers.customerMessages(batch.records()));

            await().atMost(PATIENCE).until(() -> given().get("/q/health/ready").statusCode() == 503);
            given().get("/q/health/ready")
                    .then()
                    .body("checks.find { it.name == 'consuming' }.status", equalTo("DOWN"));
            assertThat(consuming).isNotDone();
            assertThat(turns(flow.conversation)).isEmpty();
        }

        consuming.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(turns(flow.conversation)).containsExactly(flow.msg("m1"), flow.msg("m2"));
        await().atMost(PATIENCE).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void aPartitionThatCannotBeStoredDoesNotHoldBackAnotherOfTheSameBatch() throws Exception {
        ConversationFlow other = new ConversationFlow(kafka);
        try {
            CompletableFuture<Void> consuming;
            try (DatabaseFault outage = DatabaseFault.failing(
                    dataSource, "turn", "new.conversation_id = '" + flow.conversation + "'", "40001")) {
                PolledBatch batch = PolledBatch.polled()
                        .on(0, customerMessage(flow, "m1", "stuck"))
                        .on(1, customerMessage(other, "m1", "not stuck"));
                consuming = CompletableFuture.runAsync(() -> consumers.customerMessages(batch.records()));

                await().atMost(PATIENCE).until(() -> turns(other.conversation).equals(List.of(other.msg("m1"))));
                assertThat(turns(flow.conversation)).isEmpty();
                assertThat(consuming).isNotDone();
            }
            consuming.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(turns(flow.conversation)).containsExactly(flow.msg("m1"));
        } finally {
            other.close();
        }
    }

    private static ProducerRecord<String, byte[]> customerMessage(
            ConversationFlow flow, String messageId, String text) {
        InboundMessage message = new InboundMessage(
                flow.msg(messageId), flow.conversation, "webchat", text, flow.customer, "Erika", "en", null, null);
        return new ProducerRecord<>("conversation.inbound", null, flow.conversation, EventCodec.toJson(message));
    }

    private static List<String> turns(String conversationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Turn.ofConversation(conversationId).stream()
                        .map(turn -> turn.messageId)
                        .toList());
    }
}
