package dev.takeover.transcript.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.takeover.transcript.analytics.AnalyticsSummary.Csat;
import dev.takeover.transcript.analytics.AnalyticsSummary.Figures;
import dev.takeover.transcript.analytics.AnalyticsSummary.Percentiles;

/**
 * The summary as CSV for spreadsheets: one row for the whole range ({@code group} is {@code total}), then one per
 * group. The failure counts per group stand in for the JSON's examples: {@code groupBy=intent} gives them per intent.
 */
public final class AnalyticsCsv {

    static final List<String> HEADER = List.of(
            "group",
            "conversations",
            "customer_messages",
            "contained",
            "repeated",
            "containment_pending",
            "containment_rate",
            "handovers",
            "handover_rate",
            "handover_reasons",
            "time_to_takeover_p50_s",
            "time_to_takeover_p90_s",
            "queue_wait_p50_s",
            "queue_wait_p90_s",
            "first_response_p50_s",
            "first_response_p90_s",
            "handle_time_p50_s",
            "handle_time_p90_s",
            "bot_csat_scores",
            "bot_csat_in_words",
            "bot_csat_average",
            "bot_csat_satisfied_rate",
            "bot_csat_distribution",
            "agent_csat_scores",
            "agent_csat_in_words",
            "agent_csat_average",
            "agent_csat_satisfied_rate",
            "agent_csat_distribution",
            "bot_conversations",
            "human_conversations",
            "bot_cost_per_conversation",
            "human_cost_per_conversation",
            "total_cost",
            "all_human_baseline",
            "saving",
            "clarifications",
            "rejections",
            "bot_failures",
            "escalations",
            "flags");

    private AnalyticsCsv() {}

    public static String of(AnalyticsSummary summary) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        csv.append(row("total", summary.total()));
        summary.groups().forEach(group -> csv.append(row(group.key(), group.figures())));
        return csv.toString();
    }

    private static String row(String group, Figures figures) {
        List<Object> cells = new ArrayList<>();
        cells.add(group);
        cells.add(figures.volume().conversations());
        cells.add(figures.volume().customerMessages());
        cells.add(figures.containment().contained());
        cells.add(figures.containment().repeated());
        cells.add(figures.containment().pending());
        cells.add(figures.containment().rate());
        cells.add(figures.handovers().count());
        cells.add(figures.handovers().rate());
        cells.add(figures.handovers().reasons().entrySet().stream()
                .map(reason -> reason.getKey() + ":" + reason.getValue())
                .collect(Collectors.joining(";")));
        for (Percentiles times : List.of(
                figures.times().timeToTakeover(),
                figures.times().queueWait(),
                figures.times().firstResponse(),
                figures.times().handleTime())) {
            cells.add(times.p50Seconds());
            cells.add(times.p90Seconds());
        }
        for (Csat csat :
                List.of(figures.satisfaction().bot(), figures.satisfaction().agent())) {
            cells.add(csat.scores());
            cells.add(csat.inWords());
            cells.add(csat.average());
            cells.add(csat.satisfiedRate());
            cells.add(csat.distribution().entrySet().stream()
                    .map(score -> score.getKey() + ":" + score.getValue())
                    .collect(Collectors.joining(";")));
        }
        cells.add(figures.cost().botConversations());
        cells.add(figures.cost().humanConversations());
        cells.add(figures.cost().botPerConversation());
        cells.add(figures.cost().humanPerConversation());
        cells.add(figures.cost().total());
        cells.add(figures.cost().allHumanBaseline());
        cells.add(figures.cost().saving());
        cells.add(figures.failures().clarifications());
        cells.add(figures.failures().rejections());
        cells.add(figures.failures().botFailures());
        cells.add(figures.failures().escalations());
        cells.add(figures.failures().flags());
        return cells.stream().map(AnalyticsCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** Empty for unknown; quoted when a value (a channel or intent name) could break the row or start a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
