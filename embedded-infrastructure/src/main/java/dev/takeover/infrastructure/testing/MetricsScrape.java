package dev.takeover.infrastructure.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's {@code /q/metrics} answer in the Prometheus text format, read the way a test asks about it. */
public final class MetricsScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)(?: \\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private MetricsScrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static MetricsScrape of(String text) {
        return new MetricsScrape(text.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(MetricsScrape::parse)
                .toList());
    }

    /** The sum of every sample of the metric whose labels include these (none: all of them); 0 when there is none. */
    public double sum(String metric, Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(metric))
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value)
                .sum();
    }

    public double sum(String metric) {
        return sum(metric, Map.of());
    }

    public boolean has(String metric) {
        return samples.stream().anyMatch(sample -> sample.name().equals(metric));
    }

    /** The samples of the metric, each as its labels, for assertions on which series exist. */
    public List<Map<String, String>> series(String metric) {
        return samples.stream()
                .filter(sample -> sample.name().equals(metric))
                .map(Sample::labels)
                .toList();
    }

    /** Every label value in the scrape: ids must never be among them. */
    public List<String> labelValues() {
        return samples.stream()
                .flatMap(sample -> sample.labels().values().stream())
                .distinct()
                .toList();
    }

    private static Sample parse(String line) {
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
            throw new IllegalArgumentException("not a Prometheus sample: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (sample.group(3) != null) {
            Matcher label = LABEL.matcher(sample.group(3));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return new Sample(sample.group(1), Map.copyOf(labels), number(sample.group(4)));
    }

    private static double number(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    private record Sample(String name, Map<String, String> labels, double value) {}
}
