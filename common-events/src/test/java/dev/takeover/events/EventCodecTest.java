package dev.takeover.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    @Test
    void writesInstantsAsIsoStringsAndOmitsAbsentFields() {
        InboundMessage message = new InboundMessage(
                "m1", "c1", "web", "hi", null, null, null, Instant.parse("2026-11-23T10:00:00Z"), null);

        String json = new String(EventCodec.toJson(message), StandardCharsets.UTF_8);

        assertThat(json).contains("\"sentAt\":\"2026-11-23T10:00:00Z\"").doesNotContain("customerId");
    }

    @Test
    void toleratesFieldsAddedByANewerProducer() {
        InboundMessage message = decode(
                "{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"channel\":\"web\",\"text\":\"hi\",\"mood\":\"sunny\"}");

        assertThat(message.text()).isEqualTo("hi");
        assertThat(message.attributes()).isEqualTo(Map.of());
    }

    @Test
    void readsAnAnalysisWithAndWithoutTheCriticalIssueAddedToTheContract() {
        String before = "{\"conversationId\":\"c1\",\"messageId\":\"m1\",\"language\":\"de\","
                + "\"intent\":{\"name\":\"service_outage\",\"confidence\":0.27},"
                + "\"sentiment\":{\"score\":-0.4,\"label\":\"NEGATIVE\"},\"frustration\":0.3,"
                + "\"humanRequested\":false,\"outOfScope\":false";
        MessageAnalyzed older = EventCodec.fromJson(bytes(before + "}"), MessageAnalyzed.class);
        MessageAnalyzed newer = EventCodec.fromJson(
                bytes(before + ",\"critical\":{\"kind\":\"SERVICE_OUTAGE\",\"confidence\":0.9,"
                        + "\"evidence\":[\"ausgefallen\"]}}"),
                MessageAnalyzed.class);

        assertThat(older.reportsCriticalIssue()).isFalse();
        assertThat(newer.critical())
                .isEqualTo(new MessageAnalyzed.Critical("SERVICE_OUTAGE", 0.9, List.of("ausgefallen")));
        assertThatThrownBy(() -> EventCodec.fromJson(
                        bytes(before + ",\"critical\":{\"confidence\":0.9}}"), MessageAnalyzed.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("critical.kind is required");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void namesTheMissingFieldOfAnIncompleteMessage() {
        assertThatThrownBy(() -> decode("{\"messageId\":\"m1\",\"channel\":\"web\",\"text\":\"hi\"}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("conversationId is required");
        assertThatThrownBy(() -> decode("{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"channel\":\"web\"}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("text is required");
    }

    @Test
    void rejectsWhatIsNotJsonWithoutQuotingIt() {
        assertThatThrownBy(() -> decode("hello, I need help"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("not valid JSON (line 1, column ")
                .hasMessageNotContaining("hello");
        assertThatThrownBy(() -> decode("{\"messageId\":\"m1\",\"text\":\"my password is"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("not valid JSON: it ends early, in 'text'");
        assertThatThrownBy(() -> EventCodec.fromJson(new byte[0], InboundMessage.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("record has no value");
        assertThatThrownBy(() -> decode("null")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void namesTheFieldOfAWronglyTypedValue() {
        String json = "{\"conversationId\":\"c1\",\"messageId\":\"m1\",\"language\":\"en\","
                + "\"intent\":{\"name\":\"greeting\",\"confidence\":\"high\"},"
                + "\"sentiment\":{\"score\":0,\"label\":\"NEUTRAL\"},"
                + "\"frustration\":0,\"humanRequested\":false,\"outOfScope\":false}";

        assertThatThrownBy(() -> EventCodec.fromJson(json.getBytes(StandardCharsets.UTF_8), MessageAnalyzed.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("invalid MessageAnalyzed at 'intent.confidence': expected double");
    }

    @Test
    void neverQuotesTheCustomersTextInAReason() {
        String json = "{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"channel\":\"web\","
                + "\"text\":{\"secret\":\"my IBAN is DE89370400440532013000\"}}";

        assertThatThrownBy(() -> decode(json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'text'")
                .hasMessageNotContaining("IBAN");
    }

    @Test
    void keepsAMessageWhoseBytesAreNotUtf8WithReplacementCharacters() {
        byte[] latin1 = "{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"channel\":\"web\",\"text\":\"Grüße\"}"
                .getBytes(StandardCharsets.ISO_8859_1);

        InboundMessage message = EventCodec.fromJson(latin1, InboundMessage.class);

        assertThat(message.text()).isEqualTo("Gr\uFFFD\uFFFDe");
    }

    @Test
    void keepsAMessageWithTextNoDatabaseOrJsonWriterAccepts() {
        InboundMessage message = decode("{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"channel\":\"web\","
                + "\"text\":\"I need a person\\u0000 now \\ud83d\",\"customerName\":\"Er\\u0000ika\"}");

        assertThat(message.text()).isEqualTo("I need a person\uFFFD now \uFFFD");
        assertThat(message.customerName()).isEqualTo("Er\uFFFDika");
        assertThat(new String(EventCodec.toJson(message), StandardCharsets.UTF_8))
                .contains("\uFFFD");
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongJsonType() {
        assertThatThrownBy(() -> decode("{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"channel\":\"web\","
                        + "\"text\":\"hi\",\"attributes\":[1,2]}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("invalid InboundMessage at 'attributes'");
        assertThatThrownBy(() -> decode("[\"a list\"]"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("invalid InboundMessage at the top level");
    }

    @Test
    void namesWhereARecordCutOffInsideAListEnds() {
        assertThatThrownBy(() -> decode("{\"messageId\":\"m1\",\"tags\":[{\"name\":\"a"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("not valid JSON: it ends early, in 'tags[0].name'");
        assertThatThrownBy(() -> decode("{"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("not valid JSON: it ends early, in the top level");
    }

    @Test
    void rejectsScoresOutsideTheirRange() {
        assertThatThrownBy(() -> new MessageAnalyzed.Sentiment(-1.5, MessageAnalyzed.Sentiment.Label.NEGATIVE))
                .hasMessageContaining("sentiment.score must be between -1.0 and 1.0");
    }

    private static InboundMessage decode(String json) {
        return EventCodec.fromJson(json.getBytes(StandardCharsets.UTF_8), InboundMessage.class);
    }
}
