package dev.takeover.events;

import java.util.List;
import java.util.Map;

/** Validation shared by the event records' constructors, so a broken event fails where it is built or parsed. */
public final class Fields {

    private Fields() {}

    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static double requireBetween(double value, double min, double max, String field) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static <T> List<T> listOrEmpty(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public static <K, V> Map<K, V> mapOrEmpty(Map<K, V> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }
}
