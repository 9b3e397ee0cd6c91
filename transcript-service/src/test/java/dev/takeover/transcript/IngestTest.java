package dev.takeover.transcript;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.takeover.common.consuming.Consuming;
import dev.takeover.events.CloudEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;
import dev.takeover.transcript.ingest.ConversationLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class IngestTest extends LogTestSupport {

    private static final String DLQ = "transcript-service.dlq";

    @Inject
    ConversationLog log;

    @Inject
    Consuming consuming;

    /** The shared consumer over the log, as the channel runs it, for a batch the test composes. */
    private void consume(List<ConsumerRecord<String, byte[]>> batch) {
        consuming.consumer("conversation-log", log).consume(batch);
    }

    @Test
    void aMalformedRecordIsParkedAloneAndItsValidNeighboursInTheSameBatchAreStored() {
        try (TopicRecorder deadLetters = TopicRecorder.recording(kafka, DLQ)) {
            List<ConsumerRecord<String, byte[]>> batch = List.of(
                    consumed("conversation.inbound", 10, new RecordHeaders(), json(customerSays("m1", "first", start))),
                    consumed(
                            "conversation.inbound",
                            11,
                            new RecordHeaders(),
                            "{\"messageId\": oops".getBytes(StandardCharsets.UTF_8)),
                    consumed("agent.events", 12, unknownType(), "{}".getBytes(StandardCharsets.UTF_8)),
                    consumed(
                            "conversation.inbound",
                            13,
                            new RecordHeaders(),
                            json(customerSays("m2", "second", start.plusSeconds(1)))));

            consume(batch);

            assertThat(strings(
                            "select entry_key from transcript_entry where conversation_id = ? order by order_at",
                            conversation))
                    .containsExactly(
                            ReceivedEvent.customerMessageKey(conversation, "m1"),
                            ReceivedEvent.customerMessageKey(conversation, "m2"));
            await().atMost(PATIENCE)
                    .until(() -> deadLetters.records(conversation).size() == 2);
            List<ConsumerRecord<String, byte[]>> parked = deadLetters.records(conversation);
            assertThat(TopicRecorder.header(parked.get(0), "dead-letter-reason"))
                    .startsWith("not valid JSON");
            assertThat(TopicRecorder.header(parked.get(0), "dead-letter-topic")).isEqualTo("conversation.inbound");
            assertThat(TopicRecorder.header(parked.get(0), "dead-letter-offset"))
                    .isEqualTo("11");
            assertThat(new String(parked.get(0).value(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"messageId\": oops");
            assertThat(TopicRecorder.header(parked.get(1), "dead-letter-reason"))
                    .isEqualTo("unknown event type 'agent.teleported.v1'");
            assertThat(TopicRecorder.header(parked.get(1), CloudEvent.TYPE_HEADER))
                    .isEqualTo("agent.teleported.v1");
        }
    }

    @Test
    void theSameBatchTwiceChangesNothingTheSecondTime() {
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                consumed("conversation.inbound", 1, new RecordHeaders(), json(customerSays("m1", "hello", start))),
                consumed(
                        "agent.events",
                        2,
                        CloudEvent.create(ConversationAssigned.TYPE, "/agent-service", conversation, Instant.now())
                                .toHeaders(),
                        json(assigned("bob", start.plusSeconds(1)))));

        consume(batch);
        consume(batch);
        consume(List.of(batch.get(0), batch.get(0)));

        assertThat(entries(conversation)).isEqualTo(2);
        assertThat(count("select entry_count from conversation where conversation_id = ?", conversation))
                .isEqualTo(2);
        assertThat(count("select count(*) from conversation_agent where conversation_id = ? and handled", conversation))
                .isEqualTo(1);
    }

    @Test
    void overTheBrokerBadRecordsAreParkedAndTheConsumerKeepsGoing() {
        try (TopicRecorder deadLetters = TopicRecorder.recording(kafka, DLQ)) {
            String tooLong = "m".repeat(300);
            send(
                    plain(customerSays("m1", "before", start)),
                    new ProducerRecord<>(
                            "conversation.inbound",
                            conversation,
                            "{\"messageId\": \"m9\", \"text\": \"cut off".getBytes(StandardCharsets.UTF_8)),
                    new ProducerRecord<>(
                            "agent.events", null, conversation, "{}".getBytes(StandardCharsets.UTF_8), unknownType()),
                    new ProducerRecord<>("agent.events", conversation, json(assigned("bob", start.plusSeconds(2)))),
                    plain(customerSays(tooLong, "an id no index can hold", start.plusSeconds(3))),
                    plain(customerSays("m2", "after", start.plusSeconds(4))));

            await().atMost(PATIENCE)
                    .until(() -> deadLetters.records(conversation).size() == 4);
            assertThat(deadLetters.records(conversation).stream()
                            .map(record -> TopicRecorder.header(record, "dead-letter-reason"))
                            .toList())
                    .containsExactlyInAnyOrder(
                            "not valid JSON: it ends early, in 'text'",
                            "unknown event type 'agent.teleported.v1'",
                            "a record without CloudEvents headers is only accepted on conversation.inbound",
                            "the idempotency key is longer than 256 characters");
            await().atMost(PATIENCE)
                    .until(() -> strings(
                                    "select entry_key from transcript_entry where conversation_id = ? order by order_at",
                                    conversation)
                            .equals(List.of(
                                    ReceivedEvent.customerMessageKey(conversation, "m1"),
                                    ReceivedEvent.customerMessageKey(conversation, "m2"))));
        }
    }

    @Test
    void aRecordTheDatabaseRefusesIsParkedAndTheRestOfItsBatchIsStored() {
        try (TopicRecorder deadLetters = TopicRecorder.recording(kafka, DLQ)) {
            // Valid for the contract, but past the last instant PostgreSQL can store.
            CloudEvent farFuture = new CloudEvent(
                    UUID.randomUUID(),
                    ConversationOffered.TYPE.name(),
                    "/agent-service",
                    Instant.parse("+300000-01-01T00:00:00Z"),
                    conversation);
            List<ConsumerRecord<String, byte[]>> batch = List.of(
                    consumed("conversation.inbound", 1, new RecordHeaders(), json(customerSays("m1", "hello", start))),
                    consumed(
                            "agent.events",
                            2,
                            farFuture.toHeaders(),
                            json(offered("bob", start, start.plusSeconds(30)))),
                    consumed(
                            "conversation.inbound",
                            3,
                            new RecordHeaders(),
                            json(customerSays("m2", "still here", start.plusSeconds(1)))));

            consume(batch);

            assertThat(strings(
                            "select entry_key from transcript_entry where conversation_id = ? order by order_at",
                            conversation))
                    .containsExactly(
                            ReceivedEvent.customerMessageKey(conversation, "m1"),
                            ReceivedEvent.customerMessageKey(conversation, "m2"));
            await().atMost(PATIENCE)
                    .until(() -> deadLetters.records(conversation).size() == 1);
            assertThat(TopicRecorder.header(deadLetters.records(conversation).get(0), "dead-letter-reason"))
                    .startsWith("cannot be processed: ")
                    .contains("(SQLState 22");
        }
    }

    @Test
    void aNulCharacterIsKeptVisibleInsteadOfLosingTheMessage() {
        send(plain(customerSays("m1", "broken\u0000text", start)));

        await().atMost(PATIENCE)
                .untilAsserted(() -> asSupervisor()
                        .get("/conversations/" + conversation + "/transcript")
                        .then()
                        .statusCode(200)
                        .body("entries[0].text", equalTo("broken\uFFFDtext")));
    }

    @Test
    void anAnalysisThatArrivesFirstWithAnEarlierClockStillFollowsItsMessage() {
        // bot-service's clock is a minute behind the channel's: the analysis claims to precede its message.
        send(record(MessageAnalyzed.TYPE, analysisOf("m1", "order_status", 0.1, false), start.minusSeconds(60)));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 1);
        send(
                plain(customerSays("m0", "earlier question", start.minusSeconds(120))),
                plain(customerSays("m1", "where is my parcel", start)));

        await().atMost(PATIENCE)
                .untilAsserted(() -> asSupervisor()
                        .get("/conversations/" + conversation + "/transcript")
                        .then()
                        .statusCode(200)
                        .body("entries[0].eventId", equalTo(ReceivedEvent.customerMessageKey(conversation, "m0")))
                        .body(
                                "entries.type",
                                contains(
                                        "conversation.message-received.v1",
                                        "conversation.message-received.v1",
                                        "bot.message-analyzed.v1"))
                        .body("entries[1].eventId", equalTo(ReceivedEvent.customerMessageKey(conversation, "m1")))
                        .body("entries[2].data.messageId", equalTo("m1")));
    }

    @Test
    void aCustomerClockAheadOfTheBrokerDoesNotPushTheMessagePastTheReply() {
        Instant now = Instant.now();
        send(plain(customerSays("m1", "hello?", now.plusSeconds(3600))));
        await().atMost(PATIENCE).until(() -> entries(conversation) == 1);
        send(record(MessageSent.TYPE, botSays("b1", "Hello! How can I help?", "ANSWER", Instant.now()), Instant.now()));

        await().atMost(PATIENCE)
                .untilAsserted(() -> asSupervisor()
                        .get("/conversations/" + conversation + "/transcript")
                        .then()
                        .statusCode(200)
                        .body("entries[0].eventId", equalTo(ReceivedEvent.customerMessageKey(conversation, "m1")))
                        .body("entries.sender.type", contains("CUSTOMER", "BOT")));
    }

    private ConsumerRecord<String, byte[]> consumed(String topic, long offset, Headers headers, byte[] value) {
        return new ConsumerRecord<>(
                topic,
                0,
                offset,
                Instant.now().toEpochMilli(),
                TimestampType.CREATE_TIME,
                -1,
                value.length,
                conversation,
                value,
                headers,
                Optional.empty());
    }

    private Headers unknownType() {
        return new CloudEvent(UUID.randomUUID(), "agent.teleported.v1", "/agent-service", Instant.now(), conversation)
                .toHeaders();
    }

    private static byte[] json(Object event) {
        return EventCodec.toJson(event);
    }
}
