package dev.takeover.common.consuming;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How long one channel's consumer takes per polled batch, parking included, and how many records each batch held: a
 * consumer that falls behind shows whether its batches grow or each record got slower. The channel is the only label.
 */
final class BatchMetrics {

    private final Timer time;
    private final DistributionSummary records;

    private BatchMetrics(Timer time, DistributionSummary records) {
        this.time = time;
        this.records = records;
    }

    static BatchMetrics of(MeterRegistry registry, String channel) {
        return new BatchMetrics(
                Timer.builder("takeover.consuming.batch")
                        .description("Time to process one polled batch, until every record is stored or parked")
                        .tag("channel", channel)
                        .publishPercentileHistogram()
                        .register(registry),
                DistributionSummary.builder("takeover.consuming.batch.records")
                        .description("Records in one polled batch of a channel")
                        .tag("channel", channel)
                        .register(registry));
    }

    void record(int size, Runnable processing) {
        time.record(processing);
        records.record(size);
    }
}
