package dev.takeover.transcript;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

/**
 * What an agent needs at a glance when taking over: the handover's reasons with the customer's own words as evidence,
 * what the bot collected, the intents and the sentiment over the conversation, what the bot tried, earlier contacts,
 * and a short summary. The base is the latest {@code handover.requested.v1}; what the log learnt since is merged in.
 */
public record HandoverBriefing(
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
        String summary) {

    public record Customer(String id, String name, String channel) {}

    public record Reason(String code, String detail, Evidence evidence, List<QuotedMessage> messages) {}

    /** A customer message the handover decision rests on, in the customer's words. */
    public record QuotedMessage(String messageId, Instant sentAt, String text) {}

    public record SentimentPoint(
            String messageId, Instant at, double score, MessageAnalyzed.Sentiment.Label label, Double frustration) {}

    public record BotAttempt(Instant at, String purpose, String text) {}

    public record EarlierContact(
            String conversationId, String channel, Instant startedAt, ControlState outcome, List<String> handledBy) {}

    /** Empty while nobody has asked for a person in this conversation. */
    public static Optional<HandoverBriefing> assemble(
            ConversationRecord conversation,
            List<StoredEntry> entries,
            List<ConversationRecord> customersConversations) {
        HandoverRequested request = null;
        Map<String, QuotedMessage> customerMessages = new HashMap<>();
        Map<String, String> collected = new LinkedHashMap<>();
        Set<String> analysedIntents = new LinkedHashSet<>();
        List<SentimentPoint> sentiments = new ArrayList<>();
        List<BotAttempt> botReplies = new ArrayList<>();
        for (StoredEntry entry : entries) {
            Optional<ConversationEvent> event = entry.event();
            if (event.isEmpty()) {
                continue;
            }
            if (event.get() instanceof HandoverRequested requested) {
                request = requested;
            } else if (event.get() instanceof InboundMessage message) {
                customerMessages.put(
                        message.messageId(),
                        new QuotedMessage(message.messageId(), entry.occurredAt(), message.text()));
            } else if (event.get() instanceof MessageAnalyzed analysis) {
                analysedIntents.add(analysis.intent().name());
                sentiments.add(new SentimentPoint(
                        analysis.messageId(),
                        entry.occurredAt(),
                        analysis.sentiment().score(),
                        analysis.sentiment().label(),
                        analysis.frustration()));
            } else if (event.get() instanceof CustomerDataCollected data) {
                collected.putAll(data.data());
            } else if (event.get() instanceof MessageSent sent && sent.sender().type() == Sender.Type.BOT) {
                botReplies.add(new BotAttempt(entry.occurredAt(), sent.purpose(), sent.text()));
            }
        }
        if (request == null) {
            return Optional.empty();
        }
        HandoverPackage base = request.handoverPackage();

        Map<String, String> collectedData = new LinkedHashMap<>(base.collectedData());
        collectedData.putAll(collected);
        Set<String> intents = new LinkedHashSet<>(base.intents());
        intents.addAll(analysedIntents);
        List<SentimentPoint> trend = sentiments.isEmpty()
                ? base.sentimentTrend().stream()
                        .map(score -> new SentimentPoint(null, null, score, labelOf(score), null))
                        .toList()
                : sentiments;
        List<BotAttempt> attempts = new ArrayList<>();
        Set<String> attemptTexts = new LinkedHashSet<>();
        base.botAttempts().stream()
                .filter(attemptTexts::add)
                .forEach(text -> attempts.add(new BotAttempt(null, null, text)));
        botReplies.stream().filter(reply -> attemptTexts.add(reply.text())).forEach(attempts::add);

        List<Reason> reasons = request.reasons().stream()
                .map(reason -> new Reason(
                        reason.code(),
                        reason.detail(),
                        reason.evidence(),
                        reason.evidence().messageIds().stream()
                                .map(customerMessages::get)
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
        return Optional.of(new HandoverBriefing(
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
                summarise(
                        base.summary(),
                        customer,
                        language,
                        customerMessages.size(),
                        intents,
                        trend,
                        collectedData,
                        attempts,
                        earlier)));
    }

    private static MessageAnalyzed.Sentiment.Label labelOf(double score) {
        if (score <= -0.25) {
            return MessageAnalyzed.Sentiment.Label.NEGATIVE;
        }
        return score >= 0.25 ? MessageAnalyzed.Sentiment.Label.POSITIVE : MessageAnalyzed.Sentiment.Label.NEUTRAL;
    }

    /** One short paragraph: the handover's own summary, then the facts an agent would otherwise have to ask for. */
    static String summarise(
            String handoverSummary,
            Customer customer,
            String language,
            int customerMessages,
            Set<String> intents,
            List<SentimentPoint> trend,
            Map<String, String> collectedData,
            List<BotAttempt> attempts,
            List<EarlierContact> earlier) {
        List<String> facts = new ArrayList<>();
        String who = customer.name() != null ? customer.name() : "The customer";
        List<String> where = new ArrayList<>();
        if (customer.channel() != null) {
            where.add(customer.channel());
        }
        if (language != null) {
            where.add(language);
        }
        facts.add(who + (where.isEmpty() ? "" : " (" + String.join(", ", where) + ")") + " wrote " + customerMessages
                + (customerMessages == 1 ? " message" : " messages"));
        if (!intents.isEmpty()) {
            facts.add("intents: " + String.join(", ", intents));
        }
        if (!trend.isEmpty()) {
            double first = trend.get(0).score();
            double last = trend.get(trend.size() - 1).score();
            facts.add(
                    trend.size() == 1
                            ? String.format(Locale.ROOT, "sentiment %.1f", last)
                            : String.format(Locale.ROOT, "sentiment %.1f → %.1f", first, last));
        }
        if (!collectedData.isEmpty()) {
            facts.add("the bot collected " + String.join(", ", collectedData.keySet()));
        }
        if (!attempts.isEmpty()) {
            facts.add("the bot tried " + attempts.size() + (attempts.size() == 1 ? " reply" : " replies"));
        }
        if (!earlier.isEmpty()) {
            facts.add(earlier.size() + (earlier.size() == 1 ? " earlier contact" : " earlier contacts"));
        }
        String text = String.join("; ", facts) + ".";
        return handoverSummary == null || handoverSummary.isBlank() ? text : handoverSummary.strip() + " " + text;
    }
}
