package dev.takeover.transcript.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import dev.takeover.common.consuming.DecodedRecord;
import dev.takeover.events.CloudEvent;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.EventType;
import dev.takeover.events.MalformedEventException;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.ConversationTransferred;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.agent.OfferDeclined;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.transcript.EntryKind;
import dev.takeover.transcript.EntrySender;
import dev.takeover.transcript.ingest.AgentInvolvement.StandsUntil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogEntryTest {

    private static final String INBOUND = "conversation.inbound";
    private static final Instant SENT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aPlainCustomerMessageIsTheCustomersMessageAtItsSentTime() {
        LogEntry entry = decode(plain(message("m1", SENT), SENT.plusSeconds(1)));

        assertThat(entry.key()).isEqualTo(ReceivedEvent.customerMessageKey("conv-1", "m1"));
        assertThat(entry.kind()).isEqualTo(EntryKind.MESSAGE);
        assertThat(entry.stage()).isZero();
        assertThat(entry.occurredAt()).isEqualTo(SENT);
        assertThat(entry.sender()).isEqualTo(EntrySender.customer("cust-1", "Ana"));
        assertThat(entry.source()).isEqualTo("channel:web");
        assertThat(entry.facts()).isEqualTo(new ConversationFacts("cust-1", "Ana", "web", "en"));
    }

    @Test
    void aCustomerMessageIsNeverLaterThanItReachedTheBroker() {
        LogEntry entry = decode(plain(message("m1", SENT.plusSeconds(3600)), SENT));

        assertThat(entry.occurredAt()).isEqualTo(SENT);
    }

    @Test
    void anAnalysisIsTheBotsAndPointsAtItsMessage() {
        LogEntry entry = decode(withHeaders(
                MessageAnalyzed.TYPE,
                new MessageAnalyzed(
                        "conv-1",
                        "m1",
                        "de",
                        new MessageAnalyzed.Intent("greeting", 0.9),
                        new MessageAnalyzed.Sentiment(0.5, MessageAnalyzed.Sentiment.Label.POSITIVE),
                        0,
                        false,
                        false),
                "/bot-service"));

        assertThat(entry.kind()).isEqualTo(EntryKind.ANALYSIS);
        assertThat(entry.causedBy()).isEqualTo(ReceivedEvent.customerMessageKey("conv-1", "m1"));
        assertThat(entry.sender()).isEqualTo(EntrySender.bot("bot-service"));
        assertThat(entry.stage()).isEqualTo(1);
        assertThat(entry.facts().language()).isEqualTo("de");
    }

    @Test
    void anInternalNoteIsAnAgentsNote() {
        LogEntry entry = decode(withHeaders(
                InternalNoteAdded.TYPE,
                new InternalNoteAdded("conv-1", "n1", "alice", "Alice", "VIP", SENT),
                "/agent-service"));

        assertThat(entry.kind()).isEqualTo(EntryKind.NOTE);
        assertThat(entry.kind().isInternal()).isTrue();
        assertThat(entry.sender()).isEqualTo(EntrySender.agent("alice", "Alice"));
        assertThat(entry.agents()).isEmpty();
    }

    @Test
    void offersAndTransfersDecideWhichAgentsMayRead() {
        LogEntry offered = decode(withHeaders(
                ConversationOffered.TYPE,
                new ConversationOffered("conv-1", "h1", "alice", "Alice", SENT, SENT.plusSeconds(30)),
                "/agent-service"));
        LogEntry declined = decode(withHeaders(
                OfferDeclined.TYPE, new OfferDeclined("conv-1", "h1", "alice", true, SENT), "/agent-service"));
        LogEntry transferred = decode(withHeaders(
                ConversationTransferred.TYPE,
                new ConversationTransferred("conv-1", "h1", "alice", "bob", null, null, SENT),
                "/agent-service"));

        assertThat(offered.sender().type()).isEqualTo(EntrySender.Type.SYSTEM);
        assertThat(offered.agents())
                .containsExactly(new AgentInvolvement("alice", "Alice", false, new StandsUntil(SENT.plusSeconds(30))));
        assertThat(declined.sender()).isEqualTo(EntrySender.system("agent-service"));
        assertThat(declined.agents()).containsExactly(AgentInvolvement.offerWithdrawn("alice"));
        assertThat(transferred.agents())
                .containsExactly(AgentInvolvement.handled("alice", null), AgentInvolvement.handled("bob", null));
    }

    @Test
    void recordsThatCannotBeStoredAsTheyAreAreMalformed() {
        assertThatThrownBy(() -> decode(
                        record("agent.events", new RecordHeaders(), EventCodec.toJson(message("m1", SENT)), SENT)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("a record without CloudEvents headers is only accepted on conversation.inbound");
        assertThatThrownBy(() -> decode(plain(message("m".repeat(ReceivedEvent.MAX_ID_LENGTH), SENT), SENT)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("the idempotency key is longer than 256 characters");
    }

    @Test
    void theEventIsKeptAsPublishedWithUnknownFieldsAndNulCharactersAsReplacementCharacters() {
        byte[] json = ("{\"messageId\":\"m1\",\"conversationId\":\"conv-1\",\"channel\":\"web\","
                        + "\"text\":\"a\\u0000b\",\"added\":[\"c\\u0000\"],\"n\":1}")
                .getBytes(StandardCharsets.UTF_8);

        LogEntry entry = decode(record(INBOUND, new RecordHeaders(), json, SENT));

        assertThat(entry.payloadJson())
                .isEqualTo("{\"messageId\":\"m1\",\"conversationId\":\"conv-1\",\"channel\":\"web\","
                        + "\"text\":\"a\uFFFDb\",\"added\":[\"c\uFFFD\"],\"n\":1}");
    }

    @Test
    void anAnonymisedEntryKeepsWhatHappenedAndWhenButNotWhoOrWhat() {
        LogEntry anonymised = decode(plain(message("m1", SENT), SENT)).anonymised();

        assertThat(anonymised.payloadJson()).isEqualTo("{}");
        assertThat(anonymised.erased()).isTrue();
        assertThat(anonymised.sender()).isEqualTo(EntrySender.customer(null, null));
        assertThat(anonymised.facts()).isEqualTo(ConversationFacts.NONE);
        assertThat(anonymised.key()).isEqualTo(ReceivedEvent.customerMessageKey("conv-1", "m1"));
        assertThat(anonymised.occurredAt()).isEqualTo(SENT);
    }

    private static InboundMessage message(String id, Instant sentAt) {
        return new InboundMessage(id, "conv-1", "web", "hello", "cust-1", "Ana", "en", sentAt, Map.of());
    }

    private static LogEntry decode(ConsumerRecord<String, byte[]> record) {
        return LogEntry.of(DecodedRecord.decode(record, INBOUND));
    }

    private static ConsumerRecord<String, byte[]> plain(InboundMessage message, Instant reachedBroker) {
        return record(INBOUND, new RecordHeaders(), EventCodec.toJson(message), reachedBroker);
    }

    private static <T extends ConversationEvent> ConsumerRecord<String, byte[]> withHeaders(
            EventType<T> type, T event, String source) {
        CloudEvent ce = new CloudEvent(UUID.randomUUID(), type.name(), source, SENT, event.conversationId());
        return record(type.topic().defaultName(), ce.toHeaders(), EventCodec.toJson(event), SENT);
    }

    private static ConsumerRecord<String, byte[]> record(
            String topic, Headers headers, byte[] value, Instant timestamp) {
        return new ConsumerRecord<>(
                topic,
                0,
                0,
                timestamp.toEpochMilli(),
                TimestampType.CREATE_TIME,
                -1,
                value.length,
                "conv-1",
                value,
                headers,
                Optional.empty());
    }
}
