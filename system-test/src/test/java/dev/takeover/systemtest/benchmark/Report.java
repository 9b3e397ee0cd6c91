package dev.takeover.systemtest.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.takeover.infrastructure.PlatformService;

/** The benchmark's markdown: every latency in milliseconds and as a multiple of the raw Kafka hop of its run. */
final class Report {

    private final Instant started;
    private final Duration rung;
    private final List<SystemBenchmark.Run> runs;
    private final StringBuilder out = new StringBuilder();

    Report(Instant started, Duration rung, List<SystemBenchmark.Run> runs) {
        this.started = started;
        this.rung = rung;
        this.runs = runs;
    }

    String markdown() {
        out.append("# System benchmark (run of ").append(started).append(")\n\n");
        out.append("Each rate ran ")
                .append(rung.toSeconds())
                .append(
                        " s; \"× hop\" divides a latency by the p50 of the raw one-hop Kafka round trip measured idle in"
                                + " the same run. Load is the 1-minute load average at the end of the step.\n\n");
        for (SystemBenchmark.Run run : runs) {
            run(run);
        }
        if (runs.size() > 1) {
            comparison();
        }
        return out.toString();
    }

    private void run(SystemBenchmark.Run run) {
        double hop = run.hop().p50();
        out.append("## ")
                .append(run.instances())
                .append(run.instances() == 1 ? " instance" : " instances")
                .append(" of each service\n\n");
        out.append(String.format(
                "Raw Kafka hop, idle: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples, load %.1f).%n%n",
                hop, run.hop().p99(), run.hop().max(), run.hop().samples(), run.hopLoad()));
        out.append("Tracing: ").append(run.tracing()).append(".\n\n");
        SystemBenchmark.Burst burst = run.burst();
        if (burst != null) {
            out.append("### Burst: ")
                    .append(burst.takeovers())
                    .append(" requests for a person at once, 50 agents online\n\n");
            out.append(
                    "| assigned | all assigned within | message → assigned p50 / p99 / max | × hop (p50 / p99) | load |\n");
            out.append("|---|---|---|---|---|\n");
            out.append(String.format(
                    "| %d of %d | %.1f s | %s | %s | %.1f |%n%n",
                    burst.assigned(),
                    burst.takeovers(),
                    burst.allAssignedSeconds(),
                    triple(burst.assignment()),
                    ratios(burst.assignment(), hop),
                    burst.load()));
        }
        out.append("### Rate ladder\n\n");
        out.append("| rate msg/s | sent (achieved /s) | load | analysis p50 / p99 / max ms | × hop | takeover p50 / p99"
                + " / max ms | × hop | offer p50 / p99 / max ms | × hop | unanalysed at end (after drain) |"
                + " hop during, p50 ms | sustained |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Ladder.Rung rung : run.rungs()) {
            out.append(String.format(
                    "| %d | %d (%.0f) | %.1f | %s | %s | %s (%d) | %s | %s | %s | %d (%d) | %.2f | %s |%n",
                    rung.rate(),
                    rung.sent(),
                    rung.achievedRate(),
                    rung.loadAverage(),
                    triple(rung.analysis()),
                    ratios(rung.analysis(), hop),
                    triple(rung.takeover()),
                    rung.takeover().samples(),
                    ratios(rung.takeover(), hop),
                    triple(rung.offer()),
                    ratios(rung.offer(), hop),
                    rung.unanalysedAtEnd(),
                    rung.unanalysedAfterDrain(),
                    rung.hopDuring().p50(),
                    rung.sustained() ? "yes" : "no"));
        }
        out.append('\n');
        out.append("Highest sustained rate: ")
                .append(highestSustained(run).map(rate -> rate + " msg/s").orElse("none"))
                .append(" (every message analysed within ")
                .append(Ladder.GRACE.toSeconds())
                .append(" s of the end, analysis p99 ≤ 1 s, the rate achieved).");
        if (run.stoppedBecause() != null) {
            out.append(" The ladder ").append(run.stoppedBecause()).append('.');
        }
        cpu(run);
        out.append("\n\n### Resident memory after the ladder\n\n");
        out.append("| service | resident MiB | peak MiB |\n|---|---|---|\n");
        double now = 0;
        double peak = 0;
        for (Map.Entry<PlatformService, ResidentMemory> service : run.memory().entrySet()) {
            out.append(String.format(
                    "| %s | %.0f | %.0f |%n",
                    service.getKey().serviceName(),
                    service.getValue().now(),
                    service.getValue().peak()));
            now += service.getValue().now();
            peak += service.getValue().peak();
        }
        out.append(String.format("| all four | %.0f | %.0f |%n%n", now, peak));
    }

    /** CPU per message is what a rate costs on any machine: it tells where to look, however loaded this one was. */
    private void cpu(SystemBenchmark.Run run) {
        if (run.rungs().isEmpty()) {
            return;
        }
        List<String> parts = List.copyOf(run.idleCpuPercent().keySet());
        out.append("\n\n### CPU\n\nIdle, in percent of one core, over ")
                .append(SystemBenchmark.IDLE.toSeconds())
                .append(" s with nothing sent:");
        run.idleCpuPercent().forEach((part, percent) -> out.append(String.format(" %s %.1f %%,", part, percent)));
        out.setLength(out.length() - 1);
        out.append(".\n\nPer message, in ms, from the rate's first message until it drained (idle CPU included):\n\n"
                + "| rate msg/s |");
        parts.forEach(part -> out.append(' ').append(part).append(" |"));
        out.append(" all |\n|---|");
        parts.forEach(part -> out.append("---|"));
        out.append("---|\n");
        for (Ladder.Rung rung : run.rungs()) {
            out.append("| ").append(rung.rate()).append(" |");
            double all = 0;
            for (String part : parts) {
                double millis = rung.cpuMillisPerMessage().getOrDefault(part, Double.NaN);
                all += millis;
                out.append(String.format(" %.1f |", millis));
            }
            out.append(String.format(" %.1f |%n", all));
        }
    }

    private void comparison() {
        out.append("## One instance against two\n\n");
        out.append("| instances | highest sustained msg/s | raw hop p50 ms | burst all assigned within |"
                + " takeover p50 at each rate, × hop |\n|---|---|---|---|---|\n");
        for (SystemBenchmark.Run run : runs) {
            StringBuilder takeovers = new StringBuilder();
            for (Ladder.Rung rung : run.rungs()) {
                takeovers.append(String.format(
                        "%s%d: %.0f×",
                        takeovers.isEmpty() ? "" : ", ",
                        rung.rate(),
                        rung.takeover().p50() / run.hop().p50()));
            }
            out.append(String.format(
                    "| %d | %s | %.2f | %s | %s |%n",
                    run.instances(),
                    highestSustained(run).map(String::valueOf).orElse("none"),
                    run.hop().p50(),
                    run.burst() == null
                            ? "not run"
                            : String.format("%.1f s", run.burst().allAssignedSeconds()),
                    takeovers));
        }
        out.append('\n');
    }

    private static Optional<Integer> highestSustained(SystemBenchmark.Run run) {
        return run.rungs().stream()
                .filter(Ladder.Rung::sustained)
                .map(Ladder.Rung::rate)
                .max(Integer::compare);
    }

    private static String triple(Percentiles latency) {
        if (latency.samples() == 0) {
            return "–";
        }
        return String.format("%.0f / %.0f / %.0f", latency.p50(), latency.p99(), latency.max());
    }

    private static String ratios(Percentiles latency, double hop) {
        if (latency.samples() == 0) {
            return "–";
        }
        return String.format("%.0f / %.0f", latency.p50() / hop, latency.p99() / hop);
    }
}
