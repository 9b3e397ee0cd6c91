package dev.takeover.systemtest.benchmark;

import java.util.List;

/** p50, p99 and max of a sample, in milliseconds. */
record Percentiles(double p50, double p99, double max, int samples) {

    static Percentiles ofMillis(List<Long> millis) {
        return of(millis.stream().mapToDouble(Long::doubleValue).sorted().toArray());
    }

    static Percentiles ofNanos(List<Long> nanos) {
        return of(nanos.stream().mapToDouble(nano -> nano / 1e6).sorted().toArray());
    }

    private static Percentiles of(double[] sorted) {
        if (sorted.length == 0) {
            return new Percentiles(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Percentiles(at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1], sorted.length);
    }

    private static double at(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
