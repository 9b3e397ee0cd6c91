package dev.takeover.systemtest.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU seconds the services' processes have used, from Linux's /proc. The CPU a message costs does not depend on how
 * busy the machine is the way a latency does, so it says where the time goes even on a loaded machine.
 */
final class CpuTime {

    /** Linux reports process times in clock ticks of 1/100 s to user space, whatever the kernel's own tick. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Supplier<List<Long>>> pidsByPart;

    /** The processes of each part, by the part's name, found anew at each reading. */
    CpuTime(Map<String, Supplier<List<Long>>> pidsByPart) {
        this.pidsByPart = pidsByPart;
    }

    Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pidsByPart.forEach((part, pids) -> seconds.put(
                part, pids.get().stream().mapToDouble(CpuTime::secondsOf).sum()));
        return seconds;
    }

    /**
     * The PostgreSQL server listening on this port and its backends. Its postmaster runs detached from this JVM, so it
     * is found by its command line; a backend that ended between two readings takes its CPU with it.
     */
    static List<Long> postgres(int port) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .arguments()
                        .map(arguments -> String.join(" ", arguments).contains("-p " + port + " "))
                        .orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** Milliseconds of CPU per message between two readings. */
    static Map<String, Double> millisPerMessage(Map<String, Double> before, Map<String, Double> after, int messages) {
        Map<String, Double> perMessage = new LinkedHashMap<>();
        after.forEach((part, seconds) -> perMessage.put(
                part, messages == 0 ? Double.NaN : (seconds - before.getOrDefault(part, 0.0)) * 1000 / messages));
        return perMessage;
    }

    private static double secondsOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name in parentheses may hold spaces: the fields are counted after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long userTicks = Long.parseLong(fields[11]);
            long systemTicks = Long.parseLong(fields[12]);
            return (userTicks + systemTicks) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            // Ended since it was listed (a PostgreSQL backend closing): its CPU left with it.
            return 0;
        }
    }
}
