package dev.takeover.transcript;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.EventType;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.agent.ConversationAssigned;
import dev.takeover.events.agent.ConversationOffered;
import dev.takeover.events.agent.InternalNoteAdded;
import dev.takeover.events.agent.QueuePositionChanged;
import dev.takeover.events.bot.CustomerDataCollected;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Evidence;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.HandoverRequested.Reason;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.infrastructure.TokenIssuer;
import dev.takeover.infrastructure.testing.InjectKafkaCompanion;
import dev.takeover.infrastructure.testing.InjectTokenIssuer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** What the transcript tests share: the broker, tokens, the database, and events as the other services publish them. */
abstract class LogTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectTokenIssuer
    TokenIssuer tokens;

    @Inject
    DataSource dataSource;

    final String conversation = "conv-" + UUID.randomUUID();
    final String customer = "cust-" + UUID.randomUUID();
    final Instant start = Instant.now().minusSeconds(600);

    void send(List<ProducerRecord<String, byte[]>> records) {
        kafka.produce(String.class, byte[].class).fromRecords(records).awaitCompletion(PATIENCE);
    }

    @SafeVarargs
    final void send(ProducerRecord<String, byte[]>... records) {
        send(List.of(records));
    }

    static <T extends ConversationEvent> ProducerRecord<String, byte[]> record(EventType<T> type, T event, Instant at) {
        return record(new CloudEvent(UUID.randomUUID(), type.name(), "/test", at, event.conversationId()), type, event);
    }

    static <T extends ConversationEvent> ProducerRecord<String, byte[]> record(
            CloudEvent ce, EventType<T> type, T event) {
        return new ProducerRecord<>(
                type.topic().defaultName(), null, event.conversationId(), EventCodec.toJson(event), ce.toHeaders());
    }

    /** A customer message as a channel adapter sends it: plain JSON, no CloudEvents headers. */
    static ProducerRecord<String, byte[]> plain(InboundMessage message) {
        return new ProducerRecord<>("conversation.inbound", message.conversationId(), EventCodec.toJson(message));
    }

    InboundMessage customerSays(String messageId, String text, Instant at) {
        return new InboundMessage(messageId, conversation, "web", text, customer, "Ana Example", "en", at, Map.of());
    }

    MessageAnalyzed analysisOf(String messageId, String intent, double sentiment, boolean humanRequested) {
        Sentiment.Label label = sentiment < -0.25
                ? Sentiment.Label.NEGATIVE
                : sentiment > 0.25 ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL;
        return new MessageAnalyzed(
                conversation,
                messageId,
                "en",
                new Intent(intent, 0.9),
                new Sentiment(sentiment, label),
                Math.max(0, -sentiment),
                humanRequested,
                false);
    }

    MessageSent botSays(String messageId, String text, String purpose, Instant at) {
        return new MessageSent(
                messageId, conversation, "web", new Sender(Sender.Type.BOT, "bot", "Bot"), text, at, purpose);
    }

    MessageSent agentSays(String agentId, String messageId, String text, Instant at) {
        return new MessageSent(
                messageId,
                conversation,
                "web",
                new Sender(Sender.Type.AGENT, agentId, "Agent " + agentId),
                text,
                at,
                "AGENT_REPLY");
    }

    HandoverRequested handoverRequested(String handoverId, List<String> evidence, Instant at) {
        return new HandoverRequested(
                handoverId,
                conversation,
                List.of(new Reason(
                        "CUSTOMER_REQUEST",
                        "The customer asked for a person.",
                        new Evidence(evidence, Map.of("frustration", 0.7), Map.of()))),
                Priority.HIGH,
                List.of("billing"),
                "en",
                at,
                new HandoverPackage(
                        customer,
                        "Ana Example",
                        "web",
                        Map.of("customerNumber", "K-1001"),
                        List.of("invoice_question"),
                        List.of(0.0),
                        List.of("Explained the invoice layout"),
                        "Invoice question, asked for a person."));
    }

    ConversationOffered offered(String agentId, Instant at, Instant expiresAt) {
        return new ConversationOffered(conversation, "h-" + conversation, agentId, "Agent " + agentId, at, expiresAt);
    }

    ConversationAssigned assigned(String agentId, Instant at) {
        return new ConversationAssigned(conversation, "h-" + conversation, agentId, "Agent " + agentId, at);
    }

    InternalNoteAdded note(String agentId, String text, Instant at) {
        return new InternalNoteAdded(conversation, "note-" + UUID.randomUUID(), agentId, "Agent " + agentId, text, at);
    }

    CustomerDataCollected collected(Map<String, String> data, Instant at) {
        return new CustomerDataCollected(conversation, data, at);
    }

    RequestSpecification asSupervisor() {
        return given().auth().oauth2(tokens.supervisorToken("supervisor-" + UUID.randomUUID()));
    }

    RequestSpecification asAgent(String agentId) {
        return given().auth().oauth2(tokens.agentToken(agentId));
    }

    long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> strings(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes one marker on every topic of this conversation and waits until all are stored. Each topic keeps a
     * conversation on one partition and a batch is stored whole, so afterwards everything published earlier on any
     * topic for this conversation has been processed too. Returns how many entries the markers added.
     */
    int catchUp() {
        String marker = "marker-" + UUID.randomUUID();
        Instant now = Instant.now();
        String handover = "h-" + conversation;
        List<CloudEvent> markers = new ArrayList<>();
        for (EventType<?> type : List.of(
                CustomerDataCollected.TYPE, HandoverStateChanged.TYPE, QueuePositionChanged.TYPE, MessageSent.TYPE)) {
            markers.add(new CloudEvent(UUID.randomUUID(), type.name(), "/test", now, conversation));
        }
        send(
                plain(new InboundMessage(marker, conversation, "web", ".", null, null, null, now, Map.of())),
                record(markers.get(0), CustomerDataCollected.TYPE, collected(Map.of(), now)),
                record(
                        markers.get(1),
                        HandoverStateChanged.TYPE,
                        new HandoverStateChanged(
                                handover, conversation, ControlState.QUEUED, ControlState.QUEUED, "MARKER", null, now)),
                record(
                        markers.get(2),
                        QueuePositionChanged.TYPE,
                        new QueuePositionChanged(conversation, handover, 1, 0, 1, now)),
                record(
                        markers.get(3),
                        MessageSent.TYPE,
                        new MessageSent(
                                marker,
                                conversation,
                                "web",
                                new Sender(Sender.Type.SYSTEM, "test", null),
                                ".",
                                now,
                                null)));
        List<String> keys = new ArrayList<>(List.of(ReceivedEvent.customerMessageKey(conversation, marker)));
        markers.forEach(ce -> keys.add(ce.id().toString()));
        await().atMost(PATIENCE)
                .until(() -> count(
                                "select count(*) from transcript_entry where conversation_id = ? and entry_key = any(?)",
                                conversation,
                                keys.toArray(String[]::new))
                        == keys.size());
        return keys.size();
    }

    long entries(String conversationId) {
        return count("select count(*) from transcript_entry where conversation_id = ?", conversationId);
    }
}
