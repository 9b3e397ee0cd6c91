package dev.takeover.bot;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.takeover.bot.nlu.TextFeatures;

/**
 * The hashed words of a customer's last messages, stored as {@code "h h h|h h|h"}: enough to notice them repeating
 * themselves without keeping what they wrote.
 */
final class RecentMessages {

    private static final int REMEMBERED_MESSAGES = 3;

    /** Whether the text repeated one of the remembered messages, and what is remembered now. */
    record Heard(boolean repeated, String remembered) {}

    private RecentMessages() {}

    static Heard hear(String remembered, String text) {
        Set<Integer> words = fingerprint(text);
        boolean repeated = false;
        List<String> recent = remembered == null || remembered.isEmpty() ? List.of() : List.of(remembered.split("\\|"));
        if (words.size() >= 2) {
            for (String earlier : recent) {
                Set<Integer> other = Arrays.stream(earlier.split(" "))
                        .filter(s -> !s.isEmpty())
                        .map(Integer::valueOf)
                        .collect(Collectors.toSet());
                Set<Integer> shared = new HashSet<>(words);
                shared.retainAll(other);
                Set<Integer> all = new HashSet<>(words);
                all.addAll(other);
                if (!all.isEmpty() && shared.size() >= 0.6 * all.size()) {
                    repeated = true;
                }
            }
        }
        String mine = words.stream().map(String::valueOf).collect(Collectors.joining(" "));
        List<String> kept = recent.subList(Math.max(0, recent.size() - (REMEMBERED_MESSAGES - 1)), recent.size());
        return new Heard(repeated, kept.isEmpty() ? mine : String.join("|", kept) + "|" + mine);
    }

    private static Set<Integer> fingerprint(String text) {
        return TextFeatures.words(text).stream()
                .filter(word -> word.length() >= 3)
                .map(String::hashCode)
                .collect(Collectors.toSet());
    }
}
