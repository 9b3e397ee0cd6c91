package dev.takeover.transcript;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.takeover.common.domain.Refused;

/** What a transcript entry is, which is what a reader filters on. */
public enum EntryKind {
    /** Written by or to the customer. */
    MESSAGE("messages"),
    /** The bot's understanding of the conversation: analyses and collected data. */
    ANALYSIS("analyses"),
    /** Control-state changes, routing and agent lifecycle. */
    EVENT("events"),
    /** Agents' notes to each other; the customer never sees them. */
    NOTE("notes");

    private final String filterName;

    EntryKind(String filterName) {
        this.filterName = filterName;
    }

    public String filterName() {
        return filterName;
    }

    public boolean isInternal() {
        return this == NOTE;
    }

    /** Parses a filter such as {@code messages,analyses}; blank means every kind. */
    public static Set<EntryKind> parseFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            return EnumSet.allOf(EntryKind.class);
        }
        Set<EntryKind> kinds = EnumSet.noneOf(EntryKind.class);
        for (String name : filter.split(",")) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            kinds.add(EnumSet.allOf(EntryKind.class).stream()
                    .filter(kind -> kind.filterName.equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> Refused.invalid("include must list some of messages, analyses, events, notes")));
        }
        return kinds;
    }
}
