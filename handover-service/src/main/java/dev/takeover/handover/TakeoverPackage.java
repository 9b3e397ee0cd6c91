package dev.takeover.handover;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested.Reason;

/**
 * Puts together what the agent gets with the takeover: who the customer is, what the bot collected and tried, the
 * intents and the sentiment trend, and a short summary, so nobody has to ask or explain again.
 */
final class TakeoverPackage {

    private static final int TREND_LENGTH = 10;
    private static final int ATTEMPTS = 10;
    private static final int EXCERPT = 160;

    private TakeoverPackage() {}

    static HandoverPackage of(
            Conversation conversation, List<Turn> turns, List<Reply> botReplies, List<Reason> reasons) {
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
        return new HandoverPackage(
                conversation.customerId,
                conversation.customerName,
                conversation.channel,
                conversation.collectedData,
                List.copyOf(intents),
                trend,
                attempts,
                summary(conversation, turns, analysed, botReplies, reasons, intents));
    }

    private static String summary(
            Conversation conversation,
            List<Turn> turns,
            List<Turn> analysed,
            List<Reply> botReplies,
            List<Reason> reasons,
            Set<String> intents) {
        List<String> parts = new ArrayList<>();
        String who = conversation.customerName != null ? conversation.customerName : "The customer";
        String attributes = conversation.attributes.isEmpty()
                ? ""
                : " ("
                        + conversation.attributes.entrySet().stream()
                                .sorted(java.util.Map.Entry.comparingByKey())
                                .map(entry -> entry.getKey() + "=" + entry.getValue())
                                .collect(Collectors.joining(", "))
                        + ")";
        parts.add(who + attributes + " wrote " + turns.size() + " message(s)"
                + (conversation.channel != null ? " on " + conversation.channel : "")
                + (intents.isEmpty() ? "" : " about " + String.join(", ", intents)) + ".");
        if (analysed.size() >= 2) {
            parts.add(String.format(
                    java.util.Locale.ROOT,
                    "Sentiment went from %.2f to %.2f.",
                    analysed.get(0).sentiment,
                    analysed.get(analysed.size() - 1).sentiment));
        }
        if (!botReplies.isEmpty()) {
            parts.add("The bot replied " + botReplies.size() + " time(s) ("
                    + botReplies.stream().map(Reply::botPurpose).distinct().collect(Collectors.joining(", "))
                    + ").");
        }
        if (!conversation.collectedData.isEmpty()) {
            parts.add("Collected: " + String.join(", ", new java.util.TreeSet<>(conversation.collectedData.keySet()))
                    + ".");
        }
        parts.add("Escalated because: " + reasons.stream().map(Reason::detail).collect(Collectors.joining(" ")));
        List<Turn> written = turns.stream().filter(turn -> turn.text != null).toList();
        if (!written.isEmpty()) {
            parts.add("First message: \"" + excerpt(written.get(0).text) + "\"");
            if (written.size() > 1) {
                parts.add("Latest: \"" + excerpt(written.get(written.size() - 1).text) + "\"");
            }
        }
        return String.join(" ", parts);
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }
}
