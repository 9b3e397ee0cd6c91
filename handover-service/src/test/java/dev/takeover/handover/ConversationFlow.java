package dev.takeover.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.ConversationEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.EventType;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.bot.CustomerDataCollected;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverStateChanged;
import dev.takeover.infrastructure.testing.ContractRecords;
import dev.takeover.infrastructure.testing.TopicRecorder;

import static org.awaitility.Awaitility.await;

/** One test conversation driven through the real broker: what the customer, bot and agents send, and what we see. */
final class ConversationFlow implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    final String conversation = "conv-" + UUID.randomUUID();
    String customer = "C-" + UUID.randomUUID().toString().substring(0, 8);
    private final KafkaCompanion kafka;
    private final TopicRecorder handoverEvents;
    private final TopicRecorder outbound;
    private String channel = "webchat";
    private String language = "en";
    private Map<String, String> attributes = Map.of();

    ConversationFlow(KafkaCompanion kafka) {
        this.kafka = kafka;
        this.handoverEvents = TopicRecorder.recording(kafka, "handover.events");
        this.outbound = TopicRecorder.recording(kafka, "conversation.outbound");
    }

    ConversationFlow speaking(String language) {
        this.language = language;
        return this;
    }

    ConversationFlow with(Map<String, String> attributes) {
        this.attributes = attributes;
        return this;
    }

    /** The same customer as in another conversation. */
    ConversationFlow asCustomerOf(ConversationFlow other) {
        this.customer = other.customer;
        return this;
    }

    ConversationFlow on(String channel) {
        this.channel = channel;
        return this;
    }

    /** Message ids are unique per conversation, since a channel's message id is the idempotency key. */
    String msg(String local) {
        return conversation + "/" + local;
    }

    /** The idempotency key under which the service records this customer message. */
    String messageKey(String local) {
        return ReceivedEvent.customerMessageKey(conversation, msg(local));
    }

    /** The customer writes; plain JSON as a channel adapter sends it. */
    void customerWrites(String messageId, String text) {
        InboundMessage message = new InboundMessage(
                msg(messageId), conversation, channel, text, customer, "Erika", language, null, attributes);
        send(new ProducerRecord<>("conversation.inbound", null, conversation, EventCodec.toJson(message), List.of()));
    }

    /** Returns the idempotency key of the analysis. */
    String analysed(Analysis analysis) {
        CloudEvent ce = CloudEvent.create(MessageAnalyzed.TYPE, "/bot-service", conversation, Instant.now());
        send(ContractRecords.record(ce, MessageAnalyzed.TYPE, analysis.build()));
        return ce.id().toString();
    }

    /** An analysis with extra fields the bot may add, sent as the bot would. */
    /** A customer message and its analysis, in the usual order. */
    /** Returns the idempotency key of the analysis. */
    String says(String messageId, String text, Analysis analysis) {
        customerWrites(messageId, text);
        return analysed(analysis);
    }

    void botReplies(String purpose, String text) {
        send(ContractRecords.record(
                MessageSent.TYPE,
                new MessageSent(
                        "bot-" + UUID.randomUUID(),
                        conversation,
                        channel,
                        new Sender(Sender.Type.BOT, "bot-service", "Assistant"),
                        text,
                        Instant.now(),
                        purpose)));
    }

    void agentWrites(String agentId, String text) {
        send(ContractRecords.record(
                MessageSent.TYPE,
                new MessageSent(
                        "agent-" + UUID.randomUUID(),
                        conversation,
                        channel,
                        new Sender(Sender.Type.AGENT, agentId, "Sam"),
                        text,
                        Instant.now(),
                        "AGENT_REPLY")));
    }

    /** Returns the idempotency key of the record. */
    String botCollected(Map<String, String> data) {
        CloudEvent ce = CloudEvent.create(CustomerDataCollected.TYPE, "/bot-service", conversation, Instant.now());
        send(ContractRecords.record(
                ce, CustomerDataCollected.TYPE, new CustomerDataCollected(conversation, data, Instant.now())));
        return ce.id().toString();
    }

    /** Returns the idempotency key of the record. */
    <T extends ConversationEvent> String agentService(EventType<T> type, T event) {
        CloudEvent ce = CloudEvent.create(type, "/agent-service", conversation, Instant.now());
        send(ContractRecords.record(ce, type, event));
        return ce.id().toString();
    }

    Analysis analysis(String messageId) {
        return new Analysis(conversation, msg(messageId), language);
    }

    HandoverRequested awaitTakeover() {
        return await().atMost(PATIENCE)
                .until(() -> handoverEvents.events(conversation, HandoverRequested.TYPE), found -> !found.isEmpty())
                .get(0);
    }

    List<HandoverRequested> takeovers() {
        return handoverEvents.events(conversation, HandoverRequested.TYPE);
    }

    <T extends ConversationEvent> List<T> handoverEvents(EventType<T> type) {
        return handoverEvents.events(conversation, type);
    }

    <T extends ConversationEvent> T awaitHandoverEvent(EventType<T> type, Predicate<T> matching) {
        return await().atMost(PATIENCE)
                .until(
                        () -> handoverEvents.events(conversation, type).stream()
                                .filter(matching)
                                .toList(),
                        found -> !found.isEmpty())
                .get(0);
    }

    HandoverStateChanged awaitTransitionTo(dev.takeover.events.handover.ControlState state) {
        return awaitHandoverEvent(HandoverStateChanged.TYPE, change -> change.to() == state);
    }

    List<HandoverStateChanged> transitions() {
        return handoverEvents.events(conversation, HandoverStateChanged.TYPE);
    }

    List<MessageSent> notices(String purpose) {
        return outbound.events(conversation, MessageSent.TYPE).stream()
                .filter(message -> message.sender().type() == Sender.Type.SYSTEM)
                .filter(message -> purpose.equals(message.purpose()))
                .toList();
    }

    List<MessageSent> systemNotices() {
        return outbound.events(conversation, MessageSent.TYPE).stream()
                .filter(message -> message.sender().type() == Sender.Type.SYSTEM)
                .toList();
    }

    MessageSent awaitNotice(String purpose) {
        return await().atMost(PATIENCE)
                .until(() -> notices(purpose), found -> !found.isEmpty())
                .get(0);
    }

    List<MessageSent> awaitNotices(String purpose, int count) {
        return await().atMost(PATIENCE).until(() -> notices(purpose), found -> found.size() >= count);
    }

    Handover awaitOpenHandover() {
        return await().atMost(PATIENCE)
                .until(
                        () -> QuarkusTransaction.requiringNew()
                                .call(() -> Handover.openFor(conversation).orElse(null)),
                        found -> found != null);
    }

    Handover handover(String handoverId) {
        return QuarkusTransaction.requiringNew().call(() -> Handover.findById(handoverId));
    }

    /** True once the service has processed records with these idempotency keys. */
    static boolean processed(String... keys) {
        List<String> all = Stream.of(keys).toList();
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Handover.getEntityManager()
                                        .createNativeQuery(
                                                "select count(*) from processed_event where idempotency_key in (:keys)")
                                        .setParameter("keys", all)
                                        .getSingleResult())
                                .intValue()
                        == all.size());
    }

    void send(ProducerRecord<String, byte[]> record) {
        kafka.produce(String.class, byte[].class).fromRecords(record).awaitCompletion(PATIENCE);
    }

    @Override
    public void close() {
        handoverEvents.close();
        outbound.close();
    }

    /** A bot analysis, neutral unless told otherwise. */
    static final class Analysis {
        private final String conversationId;
        private final String messageId;
        private final String language;
        private String intent = "question";
        private double confidence = 0.9;
        private double sentiment;
        private double frustration;
        private boolean humanRequested;
        private boolean outOfScope;
        private Boolean clarificationFailed;
        private Boolean rejectedBotAnswer;
        private MessageAnalyzed.Critical critical;

        Analysis(String conversationId, String messageId, String language) {
            this.conversationId = conversationId;
            this.messageId = messageId;
            this.language = language;
        }

        Analysis intent(String name, double confidence) {
            this.intent = name;
            this.confidence = confidence;
            return this;
        }

        Analysis sentiment(double score) {
            this.sentiment = score;
            return this;
        }

        Analysis frustration(double value) {
            this.frustration = value;
            return this;
        }

        Analysis asksForAPerson() {
            this.humanRequested = true;
            this.intent = "human_request";
            return this;
        }

        Analysis outOfScope() {
            this.outOfScope = true;
            return this;
        }

        /** The bot reports that its clarifying question did not help. */
        Analysis clarificationFailed() {
            this.clarificationFailed = true;
            return this;
        }

        /** The bot reports that the customer rejected its answer. */
        Analysis rejectedBotAnswer() {
            this.rejectedBotAnswer = true;
            return this;
        }

        /** The bot's critical-issue model recognised this critical issue in the message. */
        Analysis critical(String kind, double confidence, String... evidence) {
            this.critical = new MessageAnalyzed.Critical(kind, confidence, List.of(evidence));
            return this;
        }

        MessageAnalyzed build() {
            Sentiment.Label label = sentiment < -0.2
                    ? Sentiment.Label.NEGATIVE
                    : sentiment > 0.2 ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL;
            return new MessageAnalyzed(
                    conversationId,
                    messageId,
                    language,
                    new Intent(intent, confidence),
                    new Sentiment(sentiment, label),
                    frustration,
                    humanRequested,
                    outOfScope,
                    null,
                    rejectedBotAnswer,
                    clarificationFailed,
                    null,
                    null,
                    critical);
        }
    }
}
