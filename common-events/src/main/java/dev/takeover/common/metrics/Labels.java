package dev.takeover.common.metrics;

import java.util.Locale;

/**
 * Label values with a bounded set of values. A metric label is never an id: every distinct value is a time series in
 * the monitoring system, so free text or anything unknown is folded into a few fixed values.
 */
public final class Labels {

    public static final String UNKNOWN = "unknown";
    private static final int LONGEST_CODE = 40;

    private Labels() {}

    /** A language tag as the NLU reports it (en, de), or {@value #UNKNOWN}. */
    public static String language(String language) {
        return language == null || !language.matches("[a-z]{2}") ? UNKNOWN : language;
    }

    /**
     * A stable code such as a reason code, a channel or an intent name, lower-cased; anything that does not look like a
     * code (spaces, punctuation, overly long) is {@value #UNKNOWN}, so a catalogue with free-text names cannot explode
     * the series.
     */
    public static String code(String code) {
        if (code == null || code.isBlank() || code.length() > LONGEST_CODE || !code.matches("[A-Za-z0-9_.-]+")) {
            return UNKNOWN;
        }
        return code.toLowerCase(Locale.ROOT);
    }
}
