package dev.takeover.handover;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested.Reason;

/**
 * Puts together what the agent gets with the takeover: who the customer is, what the bot collected and tried, the
 * intents and the sentiment trend, and one short summary in the conversation's language (the agent it is routed to
 * speaks it), so nobody has to ask or explain again.
 */
final class HandoverPackages {

    private static final int TREND_LENGTH = 10;
    private static final int ATTEMPTS = 10;
    private static final int EXCERPT = 160;

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en",
            Map.ofEntries(
                    Map.entry("customer", "The customer"),
                    Map.entry("wrote.one", "{who} wrote 1 message"),
                    Map.entry("wrote.many", "{who} wrote {count} messages"),
                    Map.entry("on", " on {channel}"),
                    Map.entry("about", " about {intents}"),
                    Map.entry("sentiment", "Sentiment went from {first} to {last}."),
                    Map.entry("bot.one", "The bot replied once ({purposes})."),
                    Map.entry("bot.many", "The bot replied {count} times ({purposes})."),
                    Map.entry("collected", "Collected: {keys}."),
                    Map.entry("because", "Escalated because: {reasons}"),
                    Map.entry("first", "First message: \"{text}\""),
                    Map.entry("latest", "Latest: \"{text}\"")),
            "de",
            Map.ofEntries(
                    Map.entry("customer", "Der Kunde"),
                    Map.entry("wrote.one", "{who} schrieb 1 Nachricht"),
                    Map.entry("wrote.many", "{who} schrieb {count} Nachrichten"),
                    Map.entry("on", " über {channel}"),
                    Map.entry("about", " zu {intents}"),
                    Map.entry("sentiment", "Die Stimmung ging von {first} auf {last}."),
                    Map.entry("bot.one", "Der Bot antwortete einmal ({purposes})."),
                    Map.entry("bot.many", "Der Bot antwortete {count}-mal ({purposes})."),
                    Map.entry("collected", "Erfasst: {keys}."),
                    Map.entry("because", "Übergeben, weil: {reasons}"),
                    Map.entry("first", "Erste Nachricht: „{text}“"),
                    Map.entry("latest", "Letzte: „{text}“"),
                    Map.entry("reason.CUSTOMER_REQUEST", "Wunsch nach einem Menschen."),
                    Map.entry("reason.NEGATIVE_SENTIMENT", "Negative Stimmung."),
                    Map.entry("reason.BOT_FAILURE", "Der Bot konnte nicht helfen."),
                    Map.entry("reason.CRITICAL_ISSUE", "Kritisches Problem."),
                    Map.entry("reason.REPEATED_CONTACT", "Erneuter Kontakt zum selben Thema."),
                    Map.entry("reason.CUSTOMER_ATTRIBUTE", "Kundenmerkmale erhöhen die Priorität."),
                    Map.entry("reason.KNOWN_INCIDENT", "Bekannte Störung.")));

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
        Map<String, String> texts = TEXTS.getOrDefault(language, TEXTS.get("en"));
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
            Map<String, String> texts,
            Conversation conversation,
            List<Turn> turns,
            List<Turn> analysed,
            List<Reply> botReplies,
            List<Reason> reasons,
            Set<String> intents) {
        List<String> parts = new ArrayList<>();
        String who = (conversation.customerName != null ? conversation.customerName : texts.get("customer"))
                + attributes(conversation);
        parts.add(fill(texts, turns.size() == 1 ? "wrote.one" : "wrote.many", "who", who, "count", turns.size())
                + (conversation.channel != null ? fill(texts, "on", "channel", conversation.channel) : "")
                + (intents.isEmpty() ? "" : fill(texts, "about", "intents", String.join(", ", intents))) + ".");
        if (analysed.size() >= 2) {
            parts.add(fill(
                    texts,
                    "sentiment",
                    "first",
                    score(analysed.get(0).sentiment),
                    "last",
                    score(analysed.get(analysed.size() - 1).sentiment)));
        }
        if (!botReplies.isEmpty()) {
            String purposes =
                    botReplies.stream().map(Reply::botPurpose).distinct().collect(Collectors.joining(", "));
            parts.add(fill(
                    texts,
                    botReplies.size() == 1 ? "bot.one" : "bot.many",
                    "count",
                    botReplies.size(),
                    "purposes",
                    purposes));
        }
        if (!conversation.collectedData.isEmpty()) {
            parts.add(fill(
                    texts, "collected", "keys", String.join(", ", new TreeSet<>(conversation.collectedData.keySet()))));
        }
        parts.add(fill(
                texts,
                "because",
                "reasons",
                reasons.stream()
                        .map(reason -> texts.getOrDefault("reason." + reason.code(), reason.detail()))
                        .distinct()
                        .collect(Collectors.joining(" "))));
        List<Turn> written = turns.stream().filter(turn -> turn.text != null).toList();
        if (!written.isEmpty()) {
            parts.add(fill(texts, "first", "text", excerpt(written.get(0).text)));
            if (written.size() > 1) {
                parts.add(fill(texts, "latest", "text", excerpt(written.get(written.size() - 1).text)));
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

    private static String fill(Map<String, String> texts, String key, Object... placeholders) {
        String text = texts.get(key);
        for (int i = 0; i < placeholders.length; i += 2) {
            text = text.replace("{" + placeholders[i] + "}", String.valueOf(placeholders[i + 1]));
        }
        return text;
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }
}
