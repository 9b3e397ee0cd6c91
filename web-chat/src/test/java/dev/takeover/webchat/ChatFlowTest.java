package dev.takeover.webchat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ChatFlowTest extends ChatTestSupport {

    @Test
    void aCustomerMessageIsPublishedOnceToConversationInboundKeyedByConversationOnTheWebChannel() {
        try (TopicRecorder inbound = TopicRecorder.recording(kafka, "conversation.inbound")) {
            ChatClient tab = tab();
            String conversation = tab.hello().path("conversationId").asText();
            tab.say("m-1", "Where is my parcel?");

            JsonNode echo = tab.awaitEntries(1).get(0);
            assertThat(echo.path("author").asText()).isEqualTo("CUSTOMER");
            assertThat(echo.path("messageId").asText()).isEqualTo("m-1");
            assertThat(echo.path("seq").asLong()).isEqualTo(1);

            ConsumerRecord<String, byte[]> record = await().atMost(ChatClient.PATIENCE)
                    .until(() -> inbound.records(conversation), found -> !found.isEmpty())
                    .get(0);
            assertThat(record.key()).isEqualTo(conversation);
            assertThat(TopicRecorder.header(record, CloudEvent.TYPE_HEADER))
                    .isEqualTo("conversation.message-received.v1");
            assertThat(TopicRecorder.header(record, CloudEvent.SOURCE_HEADER)).isEqualTo("/web-chat");
            InboundMessage message = EventCodec.fromJson(record.value(), InboundMessage.class);
            assertThat(message.messageId()).isEqualTo("m-1");
            assertThat(message.conversationId()).isEqualTo(conversation);
            assertThat(message.channel()).isEqualTo("web");
            assertThat(message.text()).isEqualTo("Where is my parcel?");
            assertThat(message.language()).isEqualTo("en");
            assertThat(message.customerId()).isNull();
            assertThat(message.attributes()).isEmpty();
        }
    }

    @Test
    void everyOpenTabOfTheConversationGetsWhatThePlatformSendsOnTheWebChannelInOrderOnce() {
        ChatClient first = tab();
        JsonNode welcome = first.hello();
        String conversation = welcome.path("conversationId").asText();
        ChatClient second = tab();
        second.hello(welcome.path("token").asText(), conversation, 0);
        ChatClient stranger = tab();
        stranger.hello();

        first.say("m-1", "I want to talk to a person");
        publish(
                fromBot(conversation, "Could you give me your customer number?"),
                sent(
                        conversation,
                        "whatsapp",
                        new Sender(Sender.Type.BOT, "bot-service", "Shop assistant"),
                        "not for the web channel",
                        "ANSWER"),
                sent(
                        conversation,
                        "web",
                        new Sender(Sender.Type.SYSTEM, "handover-service", "Support"),
                        "You are number 2 in the queue. Expected wait: about 1 minute.",
                        "QUEUE_UPDATE"),
                fromAgent(conversation, "Hi, I'm Anna. How can I help?"));

        for (ChatClient tab : List.of(first, second)) {
            tab.awaitEntries(4);
            await().during(java.time.Duration.ofMillis(300))
                    .atMost(ChatClient.PATIENCE)
                    .until(() -> tab.entries().size() == 4);
            assertThat(tab.entryTexts())
                    .containsExactly(
                            "I want to talk to a person",
                            "Could you give me your customer number?",
                            "You are number 2 in the queue. Expected wait: about 1 minute.",
                            "Hi, I'm Anna. How can I help?");
            assertThat(tab.entries().stream().map(entry -> entry.path("seq").asLong()))
                    .containsExactly(1L, 2L, 3L, 4L);
            JsonNode agentReply = tab.entries().get(3);
            assertThat(agentReply.path("author").asText()).isEqualTo("AGENT");
            assertThat(agentReply.path("sender").path("name").asText()).isEqualTo("Anna");
            assertThat(agentReply.path("purpose").asText()).isEqualTo("AGENT_REPLY");
            assertThat(tab.entries().get(2).path("purpose").asText()).isEqualTo("QUEUE_UPDATE");
        }
        assertThat(stranger.entries()).isEmpty();
    }

    @Test
    void aRedeliveredOutboundRecordIsDeliveredOnce() {
        ChatClient tab = tab();
        String conversation = tab.hello().path("conversationId").asText();
        MessageSent answer = fromBot(conversation, "Parcels arrive within 3 days.");
        CloudEvent ce = CloudEvent.create(MessageSent.TYPE, "/bot-service", conversation, Instant.now());

        publish(List.of(
                ContractRecords.record(ce, MessageSent.TYPE, answer),
                ContractRecords.record(ce, MessageSent.TYPE, answer),
                ContractRecords.record(MessageSent.TYPE, fromBot(conversation, "Anything else?"))));

        tab.awaitEntries(2);
        await().during(java.time.Duration.ofMillis(300))
                .atMost(ChatClient.PATIENCE)
                .until(() -> tab.entries().size() == 2);
        assertThat(tab.entryTexts()).containsExactly("Parcels arrive within 3 days.", "Anything else?");
    }

    @Test
    void aMalformedOutboundRecordIsParkedWithItsReasonAndTheNextOneIsStillDelivered() {
        ChatClient tab = tab();
        String conversation = tab.hello().path("conversationId").asText();
        try (TopicRecorder deadLetters = TopicRecorder.recording(kafka, "web-chat.dlq")) {
            ProducerRecord<String, byte[]> broken =
                    ContractRecords.record(MessageSent.TYPE, fromBot(conversation, "placeholder"));
            publish(List.of(
                    new ProducerRecord<>(
                            broken.topic(),
                            null,
                            conversation,
                            "{\"messageId\": oops".getBytes(StandardCharsets.UTF_8),
                            broken.headers()),
                    ContractRecords.record(MessageSent.TYPE, fromBot(conversation, "Still here."))));

            assertThat(tab.awaitEntries(1).get(0).path("text").asText()).isEqualTo("Still here.");
            ConsumerRecord<String, byte[]> parked = await().atMost(ChatClient.PATIENCE)
                    .until(() -> deadLetters.records(conversation), found -> !found.isEmpty())
                    .get(0);
            assertThat(TopicRecorder.header(parked, "dead-letter-reason")).startsWith("not valid JSON");
        }
    }

    @Test
    void theAdapterIsLiveAndReadyWithItsBrokerDatabaseAndLogNotificationsChecked() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Delivery log notifications"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
