package dev.takeover.common.consuming;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.takeover.common.tracing.Tracing;
import dev.takeover.events.MalformedEventException;

/**
 * One channel's consumer. Hand it each polled batch ({@code mp.messaging.incoming.<channel>.batch=true}); it returns
 * once every record is processed or parked, so the offsets SmallRye commits afterwards cover only finished work.
 *
 * <ul>
 *   <li>A record of a known type the handler does not handle is skipped unread. The others are decoded once, and
 *       one that cannot be decoded is parked alone on {@code <service>.dlq} with its reason.
 *   <li>The batch is split by partition, and the partitions are processed side by side, each in one transaction
 *       (see {@link LaneProcessor}) with its conversations locked up front ({@link ConversationLocks}) and its
 *       idempotency keys recorded in one statement, so a redelivered event, or one twice in a batch, is handled once;
 *       a handler that {@linkplain BatchHandler#guardsItself() guards itself} does both and has only the batch's own
 *       duplicates removed.
 *   <li>Each record is handled in a span of its own trace, the one its {@code traceparent} header names or a new one
 *       ({@link Tracing}), from decoding until its lane is stored.
 * </ul>
 */
public final class BatchConsumer {

    private final String channel;
    private final Consuming consuming;
    private final BatchHandler handler;
    private final LaneProcessor processor;
    private final Backoff backoff;
    private final Tracing tracing;
    private final BatchMetrics metrics;

    BatchConsumer(
            String channel,
            Consuming consuming,
            BatchHandler handler,
            LaneProcessor processor,
            Backoff backoff,
            Tracing tracing,
            BatchMetrics metrics) {
        this.channel = channel;
        this.consuming = consuming;
        this.handler = handler;
        this.processor = processor;
        this.backoff = backoff;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    public void consume(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<Callable<List<DeadLetter>>> lanes = new ArrayList<>();
        int size = 0;
        for (List<ConsumerRecord<String, byte[]>> lane : Lanes.of(records)) {
            lanes.add(() -> process(lane));
            size += lane.size();
        }
        if (lanes.isEmpty()) {
            return;
        }
        metrics.record(size, () -> consuming.park(channel, consuming.runSideBySide(lanes), backoff));
    }

    private List<DeadLetter> process(List<ConsumerRecord<String, byte[]>> lane) {
        List<DeadLetter> parked = new ArrayList<>();
        List<DecodedRecord> handled = new ArrayList<>(lane.size());
        for (ConsumerRecord<String, byte[]> record : lane) {
            try {
                if (handler.handles(consuming.typeOf(record))) {
                    handled.add(consuming.decode(record).handledIn(tracing.startHandling(record)));
                }
            } catch (MalformedEventException e) {
                parked.add(DeadLetter.malformed(record, e.getMessage()));
            } catch (RuntimeException e) {
                // Decoding only reads the record: whatever fails in it fails for this record every time.
                parked.add(DeadLetter.undecodable(
                        record, "cannot be decoded: " + e.getClass().getName()));
            }
        }
        try {
            parked.addAll(processor.process(handled));
        } finally {
            handled.forEach(DecodedRecord::endTrace);
        }
        return parked;
    }
}
