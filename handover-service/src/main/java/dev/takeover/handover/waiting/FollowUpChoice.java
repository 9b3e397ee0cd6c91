package dev.takeover.handover.waiting;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.takeover.events.handover.FollowUpRequested.Kind;
import dev.takeover.handover.HandoverConfig;

/**
 * Whether a waiting customer's message asks for a callback or a ticket: the bot's intent if it says so, else a
 * keyword as a whole word in any case. Each kind's keywords are compiled once into one pattern, since every message
 * of a waiting customer is matched against them.
 */
public final class FollowUpChoice {

    private final List<String> callbackIntents;
    private final List<String> ticketIntents;
    private final Optional<Pattern> callbackWords;
    private final Optional<Pattern> ticketWords;

    public FollowUpChoice(HandoverConfig.FollowUp config) {
        this.callbackIntents = List.copyOf(config.callbackIntents());
        this.ticketIntents = List.copyOf(config.ticketIntents());
        this.callbackWords = wholeWords(config.callbackKeywords());
        this.ticketWords = wholeWords(config.ticketKeywords());
    }

    public Optional<Kind> of(String text, String intent) {
        if (intent != null && callbackIntents.contains(intent)) {
            return Optional.of(Kind.CALLBACK);
        }
        if (intent != null && ticketIntents.contains(intent)) {
            return Optional.of(Kind.TICKET);
        }
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (mentions(callbackWords, lower)) {
            return Optional.of(Kind.CALLBACK);
        }
        if (mentions(ticketWords, lower)) {
            return Optional.of(Kind.TICKET);
        }
        return Optional.empty();
    }

    private static boolean mentions(Optional<Pattern> words, String lower) {
        return words.map(pattern -> pattern.matcher(lower).find()).orElse(false);
    }

    /** A keyword neither preceded nor followed by a letter or digit, as the customer may write it in any case. */
    private static Optional<Pattern> wholeWords(List<String> keywords) {
        if (keywords.isEmpty()) {
            return Optional.empty();
        }
        String alternatives = keywords.stream()
                .map(keyword -> Pattern.quote(keyword.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("|", "(?:", ")"));
        return Optional.of(Pattern.compile("(?<![\\p{L}\\p{N}])" + alternatives + "(?![\\p{L}\\p{N}])"));
    }
}
