package dev.takeover.handover;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.takeover.common.texts.Texts;
import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested.Reason;

/**
 * Puts together what the agent gets with the handover (the contract's {@code HandoverPackage}): who the customer is, what the bot collected and tried, the
 * intents and the sentiment trend, and one short summary in the conversation's language (the agent it is routed to
 * speaks it; the words are in {@code messages/handover-summary_<language>.properties}), so nobody has to ask or
 * explain again.
 */
final class HandoverPackages {

    private static final int TREND_LENGTH = 10;
    private static final int ATTEMPTS = 10;
    private static final int EXCERPT = 160;

    private static final String BUNDLE = "messages/handover-summary";

    private HandoverPackages() {}

    /** {@code language} is one the summary is written in ({@code de} or {@code en}); any other falls back to English. */
    static HandoverPackage of(
            Conversation conversation,
            List<Turn> turns,
            List<Reply> botReplies,
            List<Reason> reasons,
            String language) {
        List<Turn> analysed = turns.stream().filter(turn -> turn.analysed).toList();
        Set<String> intents = new LinkedHashSet<>();
        analysed.forEach(turn -> intents.add(turn.intent));
        List<Double> trend = analysed.stream()
                .skip(Math.max(0, analysed.size() - TREND_LENGTH))
                .map(turn -> turn.sentiment)
                .toList();
        List<String> attempts = botReplies.stream()
                .skip(Math.max(0, botReplies.size() - ATTEMPTS))
                .map(reply -> reply.botPurpose() + ": " + excerpt(reply.text))
                .toList();
        Texts texts = Texts.in(HandoverPackages.class, BUNDLE, language, "en");
        return new HandoverPackage(
                conversation.customerId,
                conversation.customerName,
                conversation.channel,
                conversation.collectedData,
                List.copyOf(intents),
                trend,
                attempts,
                summary(texts, conversation, turns, analysed, botReplies, reasons, intents));
    }

    private static String summary(
            Texts texts,
            Conversation conversation,
            List<Turn> turns,
            List<Turn> analysed,
            List<Reply> botReplies,
            List<Reason> reasons,
            Set<String> intents) {
        List<String> parts = new ArrayList<>();
        String who = (conversation.customerName != null ? conversation.customerName : texts.get("customer"))
                + attributes(conversation);
        parts.add(texts.fill(turns.size() == 1 ? "wrote.one" : "wrote.many", "who", who, "count", turns.size())
                + (conversation.channel != null ? texts.fill("on", "channel", conversation.channel) : "")
                + (intents.isEmpty() ? "" : texts.fill("about", "intents", String.join(", ", intents))) + ".");
        if (analysed.size() >= 2) {
            parts.add(texts.fill(
                    "sentiment",
                    "first",
                    score(analysed.get(0).sentiment),
                    "last",
                    score(analysed.get(analysed.size() - 1).sentiment)));
        }
        if (!botReplies.isEmpty()) {
            String purposes =
                    botReplies.stream().map(Reply::botPurpose).distinct().collect(Collectors.joining(", "));
            parts.add(texts.fill(
                    botReplies.size() == 1 ? "bot.one" : "bot.many", "count", botReplies.size(), "purposes", purposes));
        }
        if (!conversation.collectedData.isEmpty()) {
            parts.add(texts.fill(
                    "collected", "keys", String.join(", ", new TreeSet<>(conversation.collectedData.keySet()))));
        }
        parts.add(texts.fill(
                "because",
                "reasons",
                reasons.stream()
                        .map(reason -> texts.getOrDefault("reason." + reason.code(), reason.detail()))
                        .distinct()
                        .collect(Collectors.joining(" "))));
        List<Turn> written = turns.stream().filter(turn -> turn.text != null).toList();
        if (!written.isEmpty()) {
            parts.add(texts.fill("first", "text", excerpt(written.get(0).text)));
            if (written.size() > 1) {
                parts.add(texts.fill("latest", "text", excerpt(written.get(written.size() - 1).text)));
            }
        }
        return String.join(" ", parts);
    }

    private static String attributes(Conversation conversation) {
        return conversation.attributes.isEmpty()
                ? ""
                : " ("
                        + conversation.attributes.entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .map(entry -> entry.getKey() + "=" + entry.getValue())
                                .collect(Collectors.joining(", "))
                        + ")";
    }

    private static String score(Double sentiment) {
        return String.format(Locale.ROOT, "%.2f", sentiment == null ? 0.0 : sentiment);
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }
}
