package dev.takeover.infrastructure.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The committed Grafana dashboard ({@code docs/grafana/takeover-dashboard.json}) as the metrics tests read it: the
 * metric names its PromQL queries, by the service they are read from, so each service's metrics test can show that
 * it exposes what the dashboard draws and the dashboard cannot rot.
 *
 * <p>Every selector names its service: {@code job="<service>"} for one service's metrics, or {@code job=~"$service"}
 * for those the shared runtime gives every service (Prometheus scrapes each service in a job named after it).
 */
public final class GrafanaDashboard {

    /** The selector of the metrics every service has. */
    public static final String EVERY_SERVICE = "$service";

    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern JOB = Pattern.compile("job=~?\"([^\"]*)\"");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern CALL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*\\s*\\(");
    private static final Pattern NAME = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "unless", "bool", "offset", "group_left", "group_right");

    private final List<Query> queries;

    private GrafanaDashboard(List<Query> queries) {
        this.queries = queries;
    }

    /** The dashboard of the repository, read from a module's directory (where Maven runs its tests). */
    public static GrafanaDashboard committed() {
        return read(Path.of(System.getProperty("takeover.repository", ".."), "docs/grafana/takeover-dashboard.json"));
    }

    public static GrafanaDashboard read(Path file) {
        try {
            JsonNode dashboard = new ObjectMapper().readTree(Files.readString(file));
            List<Query> queries = new ArrayList<>();
            collect(dashboard.path("panels"), queries);
            if (queries.isEmpty()) {
                throw new IllegalStateException(file + " queries nothing");
            }
            return new GrafanaDashboard(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The metrics read from this service ({@code job="<service>"}), or from every service with {@link
     * #EVERY_SERVICE}.
     */
    public Set<String> metricsOf(String service) {
        Set<String> metrics = new TreeSet<>();
        for (Query query : queries) {
            Matcher selector = SELECTOR.matcher(query.expr());
            while (selector.find()) {
                if (service.equals(jobOf(selector.group(2), query))) {
                    metrics.add(selector.group(1));
                }
            }
        }
        return metrics;
    }

    /** Every panel title, rows included. */
    public List<String> titles() {
        return queries.stream().map(Query::panel).distinct().toList();
    }

    private static String jobOf(String matchers, Query query) {
        Matcher job = JOB.matcher(matchers);
        if (!job.find()) {
            throw new IllegalStateException(
                    "panel '" + query.panel() + "' reads a metric without naming its job: " + query.expr());
        }
        return job.group(1);
    }

    private static void collect(JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                Query query = new Query(
                        panel.path("title").asText(), target.path("expr").asText());
                bareMetric(query.expr()).ifPresent(metric -> {
                    throw new IllegalStateException("panel '" + query.panel() + "' reads " + metric
                            + " without naming its job: " + query.expr());
                });
                queries.add(query);
            }
            collect(panel.path("panels"), queries);
        }
    }

    /** A metric the query reads without a selector, once selectors, groupings, ranges, strings and calls are gone. */
    static Optional<String> bareMetric(String expr) {
        String rest = SELECTOR.matcher(expr).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = rest.replaceAll("\\[[^]]*]", " ").replaceAll("\"[^\"]*\"", " ");
        rest = CALL.matcher(rest).replaceAll("(");
        Matcher name = NAME.matcher(rest);
        while (name.find()) {
            if (!KEYWORDS.contains(name.group())) {
                return Optional.of(name.group());
            }
        }
        return Optional.empty();
    }

    private record Query(String panel, String expr) {}
}
