package dev.takeover.systemtest.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory now and at its peak, from Linux's /proc, in MiB. */
record ResidentMemory(double now, double peak) {

    static ResidentMemory of(long pid) {
        try {
            double now = 0;
            double peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    now = kibibytes(line) / 1024.0;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kibibytes(line) / 1024.0;
                }
            }
            return new ResidentMemory(now, peak);
        } catch (IOException e) {
            return new ResidentMemory(Double.NaN, Double.NaN);
        }
    }

    ResidentMemory plus(ResidentMemory other) {
        return new ResidentMemory(now + other.now, peak + other.peak);
    }

    private static long kibibytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
