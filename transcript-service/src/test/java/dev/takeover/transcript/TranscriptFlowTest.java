package dev.takeover.transcript;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TranscriptFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private final String conversation = "conv-" + UUID.randomUUID();
    private final Instant start = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void recordsEveryTopicOnceAndServesTheConversationInOrder() {
        InboundMessage question =
                new InboundMessage("m1", conversation, "web", "Where is my parcel?", null, null, null, start, null);
        ProducerRecord<String, byte[]> plain =
                new ProducerRecord<>("conversation.inbound", conversation, EventCodec.toJson(question));
        CloudEvent analysisEvent = CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", conversation);
        MessageAnalyzed analysis = new MessageAnalyzed(
                conversation,
                "m1",
                "en",
                new Intent("order_status", 0.8),
                new Sentiment(0.0, Sentiment.Label.NEUTRAL),
                0.1,
                false,
                false);
        MessageSent answer = new MessageSent(
                "b1",
                conversation,
                "web",
                new Sender(Sender.Type.BOT, "bot", "Bot"),
                "It arrives tomorrow.",
                start.plusSeconds(2),
                "ANSWER");

        send(ContractRecords.record(MessageSent.TYPE, answer));
        send(ContractRecords.record(analysisEvent, MessageAnalyzed.TYPE, analysis));
        send(plain);
        send(plain);
        send(ContractRecords.record(analysisEvent, MessageAnalyzed.TYPE, analysis));

        await().atMost(PATIENCE)
                .untilAsserted(() -> given().get("/conversations/" + conversation + "/transcript")
                        .then()
                        .statusCode(200)
                        .body(
                                "entries.type",
                                contains(
                                        "conversation.message-received.v1",
                                        "bot.message-analyzed.v1",
                                        "conversation.message-sent.v1"))
                        .body("entries[0].data.text", equalTo("Where is my parcel?"))
                        .body("entries[1].data.intent.name", equalTo("order_status"))
                        .body("entries[2].data.sender.type", equalTo("BOT")));
    }

    @Test
    void anUnknownConversationIsAProblemNotAnEmptyTranscript() {
        given().get("/conversations/nothing-here/transcript")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no conversation nothing-here"));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        kafka.produce(String.class, byte[].class).fromRecords(record).awaitCompletion(PATIENCE);
    }
}
