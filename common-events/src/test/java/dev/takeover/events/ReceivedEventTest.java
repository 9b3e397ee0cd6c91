package dev.takeover.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceivedEventTest {

    private static final String MESSAGE =
            "{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"channel\":\"web\",\"text\":\"hello\"}";

    @Test
    void cloudEventHeadersRoundTrip() {
        CloudEvent ce = CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", "c1", Instant.now());

        Headers headers = ce.toHeaders();

        assertThat(CloudEvent.fromHeaders(headers)).contains(ce);
        assertThat(text(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(text(headers, "content-type")).isEqualTo("application/json");
    }

    @Test
    void aPlainChannelAdapterMessageIsIdentifiedByItsMessageId() {
        ReceivedEvent<InboundMessage> event =
                ReceivedEvent.decode(record(new RecordHeaders(), MESSAGE), InboundMessage.TYPE);

        assertThat(event.idempotencyKey()).isEqualTo("message:c1/m1");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(event.payload().text()).isEqualTo("hello");
    }

    @Test
    void aCustomerMessageKeepsItsMessageIdAsKeyEvenWithCloudEventHeaders() {
        Headers headers = CloudEvent.create(InboundMessage.TYPE, "/web-adapter", "c1", Instant.now())
                .toHeaders();

        ReceivedEvent<InboundMessage> event = ReceivedEvent.decode(record(headers, MESSAGE), InboundMessage.TYPE);

        assertThat(event.idempotencyKey()).isEqualTo("message:c1/m1");
    }

    @Test
    void anEventOfOurServicesIsIdentifiedByItsCloudEventId() {
        CloudEvent ce = CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", "c1", Instant.now());
        String analysis = "{\"conversationId\":\"c1\",\"messageId\":\"m1\",\"language\":\"en\","
                + "\"intent\":{\"name\":\"greeting\",\"confidence\":0.9},"
                + "\"sentiment\":{\"score\":0.4,\"label\":\"POSITIVE\"},"
                + "\"frustration\":0,\"humanRequested\":false,\"outOfScope\":false}";

        ReceivedEvent<MessageAnalyzed> event =
                ReceivedEvent.decode(record(ce.toHeaders(), analysis), MessageAnalyzed.TYPE);

        assertThat(event.idempotencyKey()).isEqualTo(ce.id().toString());
        assertThat(event.occurredAt()).isEqualTo(ce.time());
        assertThat(event.payload().intent().name()).isEqualTo("greeting");
    }

    @Test
    void aRecordWhoseBodyDoesNotMatchItsTypeIsMalformed() {
        Headers headers = CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", "c1", Instant.now())
                .toHeaders();

        assertThatThrownBy(() -> ReceivedEvent.decode(record(headers, MESSAGE), MessageAnalyzed.TYPE))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("invalid MessageAnalyzed");
    }

    @Test
    void anUnknownTypeIsMalformedRatherThanSkipped() {
        Headers headers = CloudEvent.create(InboundMessage.TYPE, "/test", "c1", Instant.now())
                .toHeaders();
        headers.remove(CloudEvent.TYPE_HEADER);
        headers.add(CloudEvent.TYPE_HEADER, "bot.mood-changed.v7".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ReceivedEvent.decode(record(headers, MESSAGE)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("unknown event type 'bot.mood-changed.v7'");
    }

    @Test
    void aRecordOfAnotherTypeThanExpectedIsMalformed() {
        Headers headers = CloudEvent.create(InboundMessage.TYPE, "/web-adapter", "c1", Instant.now())
                .toHeaders();

        assertThatThrownBy(() -> ReceivedEvent.decode(record(headers, MESSAGE), MessageAnalyzed.TYPE))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("expected bot.message-analyzed.v1 but got conversation.message-received.v1");
    }

    @Test
    void incompleteCloudEventHeadersAreMalformed() {
        Headers headers = CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", "c1", Instant.now())
                .toHeaders();
        headers.remove(CloudEvent.ID_HEADER);

        assertThatThrownBy(() -> CloudEvent.fromHeaders(headers))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("missing header ce_id");
    }

    @Test
    void theTypeIsReadFromTheHeadersAloneWithoutTheValue() {
        Headers headers = CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", "c1", Instant.now())
                .toHeaders();

        assertThat(ReceivedEvent.typeOf(record(headers, "not even JSON"))).isEqualTo(MessageAnalyzed.TYPE);
        assertThat(ReceivedEvent.typeOf(record(new RecordHeaders(), "not even JSON")))
                .isEqualTo(InboundMessage.TYPE);
        headers.remove(CloudEvent.TYPE_HEADER);
        headers.add(CloudEvent.TYPE_HEADER, "bot.mood-changed.v7".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ReceivedEvent.typeOf(record(headers, "{}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("unknown event type 'bot.mood-changed.v7'");
    }

    @Test
    void idsNoIndexCouldHoldAreMalformed() {
        String longId = "m".repeat(ReceivedEvent.MAX_ID_LENGTH);
        String message =
                "{\"messageId\":\"" + longId + "\",\"conversationId\":\"c1\",\"channel\":\"web\",\"text\":\"hi\"}";
        String conversation = "{\"messageId\":\"m1\",\"conversationId\":\"" + "c".repeat(257)
                + "\",\"channel\":\"web\",\"text\":\"hi\"}";

        assertThatThrownBy(() -> ReceivedEvent.decode(record(new RecordHeaders(), message)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("the idempotency key is longer than 256 characters");
        assertThatThrownBy(() -> ReceivedEvent.decode(record(new RecordHeaders(), conversation)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("conversationId is longer than 256 characters");
    }

    @Test
    void aLongTextIsKeptWhole() {
        String text = "Bitte helfen Sie mir. ".repeat(20_000);
        String message =
                "{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"channel\":\"web\",\"text\":\"" + text + "\"}";

        ReceivedEvent<InboundMessage> event =
                ReceivedEvent.decode(record(new RecordHeaders(), message), InboundMessage.TYPE);

        assertThat(event.payload().text()).isEqualTo(text);
    }

    @Test
    void theJsonAsReadKeepsUnknownFieldsWithStorableText() {
        String value = "{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"channel\":\"web\",\"text\":\"a\\u0000b\","
                + "\"mood\":\"sunny\\u0000\"}";

        ReceivedEvent.Decoded decoded = ReceivedEvent.decodeKeepingJson(record(new RecordHeaders(), value));

        assertThat(decoded.event().payload()).isInstanceOf(InboundMessage.class);
        assertThat(((InboundMessage) decoded.event().payload()).text()).isEqualTo("a\uFFFDb");
        assertThat(decoded.json().get("mood").textValue()).isEqualTo("sunny\uFFFD");
    }

    @Test
    void headerTextIsMadeStorableToo() {
        CloudEvent ce = CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", "c1", Instant.now());
        Headers headers = ce.toHeaders();
        headers.remove(CloudEvent.SOURCE_HEADER);
        headers.add(CloudEvent.SOURCE_HEADER, new byte[] {'/', 'b', 0, (byte) 0xC3});

        assertThat(CloudEvent.fromHeaders(headers).orElseThrow().source()).isEqualTo("/b\uFFFD\uFFFD");
    }

    private static ConsumerRecord<String, byte[]> record(Headers headers, String value) {
        return new ConsumerRecord<>(
                "conversation.inbound",
                0,
                42L,
                1_000L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                "c1",
                value.getBytes(StandardCharsets.UTF_8),
                headers,
                Optional.empty());
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
