package dev.takeover.delivery;

import java.util.Arrays;
import java.util.List;

/** p50, p99 and max of a sample of durations in nanoseconds, reported in milliseconds. */
record Percentiles(double p50, double p99, double max, int samples) {

    static Percentiles of(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Percentiles(
                millis(sorted, 0.50), millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    String describe() {
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples)", p50, p99, max, samples);
    }

    double p50Ratio(Percentiles base) {
        return p50 / base.p50;
    }

    static String array(List<Long> values) {
        return Arrays.toString(values.stream().mapToLong(Long::longValue).toArray());
    }
}
