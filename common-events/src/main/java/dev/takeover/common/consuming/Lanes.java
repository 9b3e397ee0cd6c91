package dev.takeover.common.consuming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Splits a polled batch into lanes that can be processed at the same time. A lane holds every record of one partition
 * number, in the order polled (offset order within each partition), so one partition is never processed by two lanes
 * and a conversation's order is kept. Records are keyed by conversation, and the topics have the same partition count,
 * so a conversation's records of every topic a channel reads share one lane.
 */
final class Lanes {

    private Lanes() {}

    static <R extends ConsumerRecord<?, ?>> List<List<R>> of(Iterable<R> records) {
        Map<Integer, List<R>> byPartition = new LinkedHashMap<>();
        for (R record : records) {
            byPartition
                    .computeIfAbsent(record.partition(), partition -> new ArrayList<>())
                    .add(record);
        }
        return List.copyOf(byPartition.values());
    }
}
