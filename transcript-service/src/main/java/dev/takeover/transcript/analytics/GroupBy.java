package dev.takeover.transcript.analytics;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a summary is broken down. A conversation falls in one group, except by reason: a handover for two reasons
 * counts in both, and a conversation nobody handed over falls in {@code none}.
 */
public enum GroupBy {
    DAY(figures ->
            List.of(figures.startedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString())),
    CHANNEL(figures -> List.of(orUnknown(figures.channel()))),
    LANGUAGE(figures -> List.of(orUnknown(figures.language()))),
    REASON(figures -> figures.handoverReasons().isEmpty() ? List.of("none") : figures.handoverReasons()),
    INTENT(figures -> List.of(orUnknown(figures.intent())));

    private final Function<ConversationFigures, List<String>> keys;

    GroupBy(Function<ConversationFigures, List<String>> keys) {
        this.keys = keys;
    }

    public static Optional<GroupBy> named(String name) {
        for (GroupBy groupBy : values()) {
            if (groupBy.parameter().equals(name)) {
                return Optional.of(groupBy);
            }
        }
        return Optional.empty();
    }

    /** As the query parameter names it. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    List<String> keysOf(ConversationFigures figures) {
        return keys.apply(figures);
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
