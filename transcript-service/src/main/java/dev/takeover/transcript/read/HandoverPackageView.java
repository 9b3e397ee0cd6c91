package dev.takeover.transcript.read;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.takeover.events.ConversationEvent;
import dev.takeover.events.bot.CustomerDataCollected;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;
import dev.takeover.events.handover.ControlState;
import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested;
import dev.takeover.events.handover.HandoverRequested.Evidence;
import dev.takeover.events.handover.HandoverRequested.Priority;
import dev.takeover.events.handover.IncidentTagChanged;

/**
 * What an agent needs at a glance when taking over: the handover's reasons with the customer's own words as evidence,
 * what the bot collected, the intents and the sentiment over the conversation, each message the bot tried (once, with
 * its time), earlier contacts, the incident, and the handover's summary, which handover-service writes in the
 * conversation's language. The base is the latest {@code handover.requested.v1}; what the log learnt since is merged in.
 */
public record HandoverPackageView(
        String conversationId,
        String handoverId,
        Instant requestedAt,
        Priority priority,
        List<String> requiredSkills,
        String language,
        Customer customer,
        ControlState controlState,
        List<ConversationRecord.Agent> agents,
        List<Reason> reasons,
        Map<String, String> collectedData,
        List<String> intents,
        List<SentimentPoint> sentimentTrend,
        List<BotAttempt> botAttempts,
        List<EarlierContact> earlierContacts,
        Incident incident,
        String summary) {

    public record Customer(String id, String name, String channel) {}

    public record Reason(String code, String detail, Evidence evidence, List<QuotedMessage> messages) {}

    /** A customer message the handover decision rests on, in the customer's words. */
    public record QuotedMessage(String messageId, Instant sentAt, String text) {}

    public record SentimentPoint(
            String messageId, Instant at, double score, MessageAnalyzed.Sentiment.Label label, Double frustration) {}

    /** {@code messageId} and {@code at} are null for an attempt only the handover event tells of. */
    public record BotAttempt(String messageId, Instant at, String purpose, String text) {}

    /** The known incident the conversation is tagged with; {@code description} is null until a tag event tells it. */
    public record Incident(String incidentId, String description) {}

    public record EarlierContact(
            String conversationId, String channel, Instant startedAt, ControlState outcome, List<String> handledBy) {}

    /** Empty while nobody has asked for a person in this conversation. */
    public static Optional<HandoverPackageView> assemble(
            ConversationRecord conversation,
            List<StoredEntry> entries,
            List<ConversationRecord> customersConversations) {
        Gathered gathered = new Gathered();
        for (StoredEntry entry : entries) {
            entry.event().ifPresent(event -> gathered.read(event, entry));
        }
        HandoverRequested request = gathered.request;
        if (request == null) {
            return Optional.empty();
        }
        HandoverPackage base = request.handoverPackage();

        Map<String, String> collectedData = new LinkedHashMap<>(base.collectedData());
        collectedData.putAll(gathered.collected);
        Set<String> intents = new LinkedHashSet<>(base.intents());
        intents.addAll(gathered.analysedIntents);
        List<SentimentPoint> trend = gathered.sentiments.isEmpty()
                ? base.sentimentTrend().stream()
                        .map(score -> new SentimentPoint(null, null, score, labelOf(score), null))
                        .toList()
                : gathered.sentiments;
        // The log holds every bot message with its time; the handover's own list is only the fallback.
        List<BotAttempt> attempts = gathered.botReplies.isEmpty()
                ? base.botAttempts().stream()
                        .map(HandoverPackageView::attemptFromHandover)
                        .toList()
                : List.copyOf(gathered.botReplies.values());
        Incident incident = gathered.tagSeen
                ? gathered.tagged
                : request.incidentId() == null ? null : new Incident(request.incidentId(), null);

        List<Reason> reasons = request.reasons().stream()
                .map(reason -> new Reason(
                        reason.code(),
                        reason.detail(),
                        reason.evidence(),
                        reason.evidence().messageIds().stream()
                                .map(gathered.customerMessages::get)
                                .filter(message -> message != null)
                                .toList()))
                .toList();
        Customer customer = new Customer(
                conversation.customerId() != null ? conversation.customerId() : base.customerId(),
                conversation.customerName() != null ? conversation.customerName() : base.customerName(),
                conversation.channel() != null ? conversation.channel() : base.channel());
        List<EarlierContact> earlier = customersConversations.stream()
                .filter(other -> !other.conversationId().equals(conversation.conversationId()))
                .filter(other -> other.startedAt().isBefore(conversation.startedAt()))
                .limit(5)
                .map(other -> new EarlierContact(
                        other.conversationId(),
                        other.channel(),
                        other.startedAt(),
                        other.controlState(),
                        other.handledBy().stream()
                                .map(agent -> agent.agentName() != null ? agent.agentName() : agent.agentId())
                                .toList()))
                .toList();
        String language = request.language() != null ? request.language() : conversation.language();
        return Optional.of(new HandoverPackageView(
                conversation.conversationId(),
                request.handoverId(),
                request.requestedAt(),
                request.priority(),
                request.requiredSkills(),
                language,
                customer,
                conversation.controlState(),
                conversation.agents(),
                reasons,
                collectedData,
                List.copyOf(intents),
                trend,
                attempts,
                earlier,
                incident,
                base.summary()));
    }

    /**
     * What the log's entries add to the handover's own package, gathered in one pass: one reader per event type, and
     * the types without one add nothing.
     */
    private static final class Gathered {

        private static final Map<Class<?>, Reader<?>> READERS = Map.of(
                HandoverRequested.class,
                new Reader<>(HandoverRequested.class, (gathered, requested, entry) -> gathered.request = requested),
                InboundMessage.class,
                new Reader<>(
                        InboundMessage.class,
                        (gathered, message, entry) -> gathered.customerMessages.put(
                                message.messageId(),
                                new QuotedMessage(message.messageId(), entry.occurredAt(), message.text()))),
                MessageAnalyzed.class,
                new Reader<>(MessageAnalyzed.class, (gathered, analysis, entry) -> {
                    gathered.analysedIntents.add(analysis.intent().name());
                    gathered.sentiments.add(new SentimentPoint(
                            analysis.messageId(),
                            entry.occurredAt(),
                            analysis.sentiment().score(),
                            analysis.sentiment().label(),
                            analysis.frustration()));
                }),
                CustomerDataCollected.class,
                new Reader<>(
                        CustomerDataCollected.class, (gathered, data, entry) -> gathered.collected.putAll(data.data())),
                MessageSent.class,
                new Reader<>(MessageSent.class, (gathered, sent, entry) -> {
                    if (sent.sender().type() == Sender.Type.BOT) {
                        gathered.botReplies.putIfAbsent(
                                sent.messageId(),
                                new BotAttempt(sent.messageId(), entry.occurredAt(), purposeOf(sent), sent.text()));
                    }
                }),
                IncidentTagChanged.class,
                new Reader<>(IncidentTagChanged.class, (gathered, tag, entry) -> {
                    gathered.tagSeen = true;
                    gathered.tagged = tag.tagged() ? new Incident(tag.incidentId(), tag.description()) : null;
                }));

        private HandoverRequested request;
        private final Map<String, QuotedMessage> customerMessages = new HashMap<>();
        private final Map<String, String> collected = new LinkedHashMap<>();
        private final Set<String> analysedIntents = new LinkedHashSet<>();
        private final List<SentimentPoint> sentiments = new ArrayList<>();
        private final Map<String, BotAttempt> botReplies = new LinkedHashMap<>();
        private Incident tagged;
        private boolean tagSeen;

        void read(ConversationEvent event, StoredEntry entry) {
            Reader<?> reader = READERS.get(event.getClass());
            if (reader != null) {
                reader.read(this, event, entry);
            }
        }

        private interface Reading<T> {
            void read(Gathered gathered, T event, StoredEntry entry);
        }

        private record Reader<T>(Class<T> type, Reading<T> reading) {
            void read(Gathered gathered, ConversationEvent event, StoredEntry entry) {
                reading.read(gathered, type.cast(event), entry);
            }
        }
    }

    /** The bot's messages without a purpose are answers: that is what bots mostly send. */
    private static String purposeOf(MessageSent sent) {
        return sent.purpose() == null ? "ANSWER" : sent.purpose();
    }

    /** The handover event lists attempts as {@code PURPOSE: text}. */
    private static BotAttempt attemptFromHandover(String attempt) {
        int colon = attempt.indexOf(": ");
        boolean hasPurpose = colon > 0 && attempt.substring(0, colon).matches("[A-Z_]+");
        return hasPurpose
                ? new BotAttempt(null, null, attempt.substring(0, colon), attempt.substring(colon + 2))
                : new BotAttempt(null, null, null, attempt);
    }

    private static MessageAnalyzed.Sentiment.Label labelOf(double score) {
        if (score <= -0.25) {
            return MessageAnalyzed.Sentiment.Label.NEGATIVE;
        }
        return score >= 0.25 ? MessageAnalyzed.Sentiment.Label.POSITIVE : MessageAnalyzed.Sentiment.Label.NEUTRAL;
    }
}
