package dev.takeover.bot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.RealInfrastructure;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class CustomerMessageFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private TopicRecorder analyses;
    private TopicRecorder deadLetters;
    private final String conversation = "conv-" + UUID.randomUUID();

    @BeforeEach
    void record() {
        analyses = TopicRecorder.recording(kafka, "bot.analysis");
        deadLetters = TopicRecorder.recording(kafka, "bot-service.dlq");
    }

    @AfterEach
    void stopRecording() {
        analyses.close();
        deadLetters.close();
    }

    @Test
    void publishesOneAnalysisWithCloudEventHeadersForARequestForAPerson() {
        send(message("m1", "Ich möchte mit einem Mitarbeiter sprechen"));

        ConsumerRecord<String, byte[]> record = await().atMost(PATIENCE)
                .until(() -> analyses.records(conversation), records -> !records.isEmpty())
                .get(0);

        MessageAnalyzed analysis = EventCodec.fromJson(record.value(), MessageAnalyzed.class);
        assertThat(analysis.humanRequested()).isTrue();
        assertThat(analysis.language()).isEqualTo("de");
        assertThat(analysis.messageId()).isEqualTo("m1");
        assertThat(TopicRecorder.header(record, CloudEvent.TYPE_HEADER)).isEqualTo("bot.message-analyzed.v1");
        assertThat(TopicRecorder.header(record, CloudEvent.SUBJECT_HEADER)).isEqualTo(conversation);
        assertThat(TopicRecorder.header(record, CloudEvent.SOURCE_HEADER)).isEqualTo("/bot-service");
        assertThat(TopicRecorder.header(record, CloudEvent.SPEC_VERSION_HEADER)).isEqualTo("1.0");
        assertThat(UUID.fromString(TopicRecorder.header(record, CloudEvent.ID_HEADER)))
                .isNotNull();
    }

    @Test
    void parksMalformedRecordsWithTheirReasonAndGoesOnWithTheNext() {
        send("I need help, this is not JSON");
        send("{\"messageId\":\"m2\",\"channel\":\"web\",\"text\":\"no conversation id\"}");
        send("{\"messageId\":\"m3\",\"conversationId\":\"" + conversation + "\",\"channel\":\"web\"}");
        send(message("m4", "I want to talk to a human"));

        List<String> reasons = await().atMost(PATIENCE)
                .until(
                        () -> deadLetters.records(conversation).stream()
                                .map(record -> TopicRecorder.header(record, "dead-letter-reason"))
                                .toList(),
                        found -> found.size() == 3);
        assertThat(reasons)
                .anySatisfy(reason -> assertThat(reason).contains("not valid JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("conversationId is required"))
                .anySatisfy(reason -> assertThat(reason).contains("text is required"));
        assertThat(new String(deadLetters.records(conversation).get(0).value(), StandardCharsets.UTF_8))
                .isEqualTo("I need help, this is not JSON");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(analyses.events(conversation, MessageAnalyzed.TYPE))
                        .extracting(MessageAnalyzed::messageId)
                        .containsExactly("m4"));
    }

    @Test
    void textNoDatabaseAcceptsIsAnalysedAndKeptNotParked() {
        send(message("m1", "Ich möchte mit einem Mitarbeiter sprechen\u0000"));
        sendBytes(("{\"messageId\":\"m2\",\"conversationId\":\"" + conversation
                        + "\",\"channel\":\"web\",\"text\":\"Grüße, wo ist mein Paket?\"}")
                .getBytes(StandardCharsets.ISO_8859_1));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(analyses.events(conversation, MessageAnalyzed.TYPE))
                        .extracting(MessageAnalyzed::messageId)
                        .containsExactly("m1", "m2"));
        assertThat(analyses.events(conversation, MessageAnalyzed.TYPE).get(0).humanRequested())
                .isTrue();
        assertThat(deadLetters.records(conversation)).isEmpty();
    }

    @Test
    void parksWronglyTypedAndUnknownRecordsAndSkipsKnownOnesThatAreNotForIt() {
        send("{\"messageId\":\"m1\",\"conversationId\":\"" + conversation
                + "\",\"channel\":{\"name\":\"web\"},\"text\":\"hi\"}");
        sendWithType("bot.mood-changed.v7", message("m2", "unknown"));
        sendWithType("conversation.message-sent.v1", "{\"conversationId\":\"" + conversation + "\"}");
        send(message("m3", "Where is my parcel?"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(analyses.events(conversation, MessageAnalyzed.TYPE))
                        .extracting(MessageAnalyzed::messageId)
                        .containsExactly("m3"));
        assertThat(deadLetters.records(conversation).stream()
                        .map(record -> TopicRecorder.header(record, "dead-letter-reason"))
                        .toList())
                .containsExactly(
                        "invalid InboundMessage at 'channel': expected String",
                        "unknown event type 'bot.mood-changed.v7'");
    }

    @Test
    void analysesARedeliveredMessageOnlyOnce() {
        String first = message("m5", "Where is my parcel?");
        send(first);
        send(first);
        send(message("m6", "Can I talk to a real person?"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(analyses.events(conversation, MessageAnalyzed.TYPE))
                        .extracting(MessageAnalyzed::messageId)
                        .contains("m6"));
        assertThat(analyses.events(conversation, MessageAnalyzed.TYPE))
                .extracting(MessageAnalyzed::messageId)
                .containsExactly("m5", "m6");
        assertThat(AnalysedMessage.count("conversationId", conversation)).isEqualTo(2);
    }

    @Test
    void aMessageIdIsOnlyUniqueWithinItsConversation() {
        String other = "conv-" + UUID.randomUUID();
        send(message("m7", "Where is my parcel?"));
        kafka.produce(String.class, String.class)
                .fromRecords(new ProducerRecord<>(
                        "conversation.inbound", other, message(other, "m7", "Where is my invoice?")))
                .awaitCompletion(PATIENCE);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(analyses.events(conversation, MessageAnalyzed.TYPE)).hasSize(1);
            assertThat(analyses.events(other, MessageAnalyzed.TYPE)).hasSize(1);
        });
    }

    private String message(String messageId, String text) {
        return message(conversation, messageId, text);
    }

    private static String message(String conversationId, String messageId, String text) {
        InboundMessage message =
                new InboundMessage(messageId, conversationId, "web", text, null, null, null, null, null);
        return new String(EventCodec.toJson(message), StandardCharsets.UTF_8);
    }

    private void sendBytes(byte[] value) {
        kafka.produce(String.class, byte[].class)
                .fromRecords(new ProducerRecord<>("conversation.inbound", conversation, value))
                .awaitCompletion(PATIENCE);
    }

    private void sendWithType(String type, String value) {
        Headers headers = CloudEvent.create(InboundMessage.TYPE, "/test", conversation, Instant.now())
                .toHeaders();
        headers.remove(CloudEvent.TYPE_HEADER);
        headers.add(CloudEvent.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        kafka.produce(String.class, byte[].class)
                .fromRecords(new ProducerRecord<>(
                        "conversation.inbound", null, conversation, value.getBytes(StandardCharsets.UTF_8), headers))
                .awaitCompletion(PATIENCE);
    }

    /** As a channel adapter sends it: plain JSON keyed by conversation, no CloudEvents headers. */
    private void send(String value) {
        kafka.produce(String.class, String.class)
                .fromRecords(new ProducerRecord<>("conversation.inbound", conversation, value))
                .awaitCompletion(PATIENCE);
    }
}
