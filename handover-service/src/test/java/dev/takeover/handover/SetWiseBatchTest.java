package dev.takeover.handover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.events.EventCodec;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.handover.ConversationFlow.Analysis;
import dev.takeover.handover.messaging.ConversationConsumers;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.PolledBatch;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's state is loaded for all its conversations at once ({@link WorkingSet}): the statements that read it do not
 * grow with the batch, and what one event of the batch changes is what the next one sees.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SetWiseBatchTest extends FlowTest {

    @Inject
    ConversationConsumers consumers;

    @Test
    void theStatementsThatReadABatchsStateDoNotGrowWithTheBatch() {
        Map<String, List<String>> small = statementsOfBatches(2);
        Map<String, List<String>> large = statementsOfBatches(8);
        small.forEach((phase, statements) ->
                assertThat(reads(large.get(phase))).as(phase).isEqualTo(reads(statements)));
        // Only the turns' inserts grow: the sequence number is the database's, so each is a statement of its own.
        assertThat(writes(large.get("messages")) - writes(small.get("messages")))
                .isEqualTo(6);
        assertThat(writes(large.get("analyses"))).isEqualTo(writes(small.get("analyses")));
        assertThat(writes(large.get("replies"))).isEqualTo(writes(small.get("replies")));
    }

    @Test
    void aSecondRequestForAPersonInTheSameBatchFindsTheHandoverTheFirstOpened() {
        consumers.customerMessages(PolledBatch.polled()
                .on(0, message(flow.conversation, flow.msg("m1"), "a person please"))
                .on(0, message(flow.conversation, flow.msg("m2"), "a person, now"))
                .records());
        consumers.analyses(PolledBatch.polled()
                .on(0, analysis(flow.analysis("m1").asksForAPerson()))
                .on(0, analysis(flow.analysis("m2").asksForAPerson()))
                .records());

        assertThat(QuarkusTransactionCount.handovers(flow.conversation)).isEqualTo(1);
        assertThat(flow.awaitTakeover().reasons()).extracting(Reason::code).containsExactly("CUSTOMER_REQUEST");
        assertThat(flow.takeovers()).hasSize(1);
    }

    @Test
    void thePolicyReadsTheTurnsEarlierEventsOfTheSameBatchAnalysed() {
        consumers.customerMessages(PolledBatch.polled()
                .on(0, message(flow.conversation, flow.msg("m1"), "blorp"))
                .on(0, message(flow.conversation, flow.msg("m2"), "the thing with the stuff"))
                .on(0, message(flow.conversation, flow.msg("m3"), "I told you already"))
                .records());
        consumers.analyses(PolledBatch.polled()
                .on(0, analysis(flow.analysis("m1").outOfScope()))
                .on(0, analysis(flow.analysis("m2").intent("unknown", 0.2)))
                .on(0, analysis(flow.analysis("m3").intent("unknown", 0.1)))
                .records());

        assertThat(flow.awaitTakeover().reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("BOT_FAILURE");
            assertThat(reason.evidence().messageIds()).containsExactly(flow.msg("m1"), flow.msg("m2"), flow.msg("m3"));
        });
    }

    @Test
    void anAnalysisBeforeItsMessageInTheSameBatchAsAnEarlierTurnCompletesTheSameTurn() {
        consumers.analyses(PolledBatch.polled()
                .on(0, analysis(flow.analysis("m1").intent("order_status", 0.9)))
                .on(0, analysis(flow.analysis("m1").intent("order_status", 0.9)))
                .records());
        consumers.customerMessages(PolledBatch.polled()
                .on(0, message(flow.conversation, flow.msg("m1"), "where is my order"))
                .on(0, message(flow.conversation, flow.msg("m2"), "hello?"))
                .records());

        List<Turn> turns = QuarkusTransaction.requiringNew().call(() -> Turn.ofConversation(flow.conversation));
        assertThat(turns).extracting(turn -> turn.messageId).containsExactly(flow.msg("m1"), flow.msg("m2"));
        assertThat(turns.get(0).analysed).isTrue();
        assertThat(turns.get(0).text).isEqualTo("where is my order");
    }

    /** The statements of a batch of messages, one of analyses and one of bot replies, for that many conversations. */
    private Map<String, List<String>> statementsOfBatches(int conversations) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            ids.add("conv-" + UUID.randomUUID());
        }
        Map<String, List<String>> statements = new LinkedHashMap<>();
        statements.put(
                "messages",
                StatementLog.of(() -> consumers.customerMessages(
                        batchOf(ids, id -> message(id, id + "/m1", "Where is my order 4711?")))));
        // The last conversation asks for a person, whatever the batch's size: one escalation each time.
        String asking = ids.get(ids.size() - 1);
        statements.put(
                "analyses",
                StatementLog.of(() -> consumers.analyses(batchOf(ids, id -> {
                    Analysis analysis = new Analysis(id, id + "/m1", "en");
                    return analysis(
                            id.equals(asking) ? analysis.asksForAPerson() : analysis.intent("order_status", 0.95));
                }))));
        statements.put("replies", StatementLog.of(() -> consumers.outboundMessages(batchOf(ids, id -> reply(id)))));
        assertThat(QuarkusTransactionCount.handovers(asking)).isEqualTo(1);
        return statements;
    }

    private static org.apache.kafka.clients.consumer.ConsumerRecords<String, byte[]> batchOf(
            List<String> conversations, Function<String, ProducerRecord<String, byte[]>> record) {
        PolledBatch batch = PolledBatch.polled();
        conversations.forEach(id -> batch.on(0, record.apply(id)));
        return batch.records();
    }

    private static List<String> reads(List<String> statements) {
        return statements.stream()
                .filter(sql -> sql.stripLeading().startsWith("select"))
                .map(sql -> sql.replaceAll("\\(\\?(,\\?)*\\)", "(?)"))
                .toList();
    }

    private static long writes(List<String> statements) {
        return statements.size() - reads(statements).size();
    }

    private static ProducerRecord<String, byte[]> message(String conversationId, String messageId, String text) {
        InboundMessage message =
                new InboundMessage(messageId, conversationId, "webchat", text, null, "Erika", "en", null, null);
        return new ProducerRecord<>("conversation.inbound", null, conversationId, EventCodec.toJson(message));
    }

    private static ProducerRecord<String, byte[]> analysis(Analysis analysis) {
        return ContractRecords.record(MessageAnalyzed.TYPE, analysis.build());
    }

    private static ProducerRecord<String, byte[]> reply(String conversationId) {
        return ContractRecords.record(
                MessageSent.TYPE,
                new MessageSent(
                        "bot-" + UUID.randomUUID(),
                        conversationId,
                        "webchat",
                        new Sender(Sender.Type.BOT, "bot-service", "Assistant"),
                        "It is on its way.",
                        Instant.now(),
                        "ANSWER"));
    }
}
