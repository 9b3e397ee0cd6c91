package dev.takeover.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.metrics.KafkaMetric;

import dev.takeover.events.CloudEvent;

/**
 * A real producer that fails the first send of chosen events with a retriable error, as a broker connection dropping
 * under one request would, and counts how often each event was handed to it.
 */
final class FlakyProducer implements Producer<String, byte[]> {

    private final Producer<String, byte[]> broker;
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

    FlakyProducer(Producer<String, byte[]> broker) {
        this.broker = broker;
    }

    void failFirstSendOf(String eventId) {
        failOnce.add(eventId);
    }

    int sends(String eventId) {
        AtomicInteger count = sends.get(eventId);
        return count == null ? 0 : count.get();
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        Header id = record.headers().lastHeader(CloudEvent.ID_HEADER);
        String eventId = id == null ? "" : new String(id.value(), StandardCharsets.UTF_8);
        sends.computeIfAbsent(eventId, ignored -> new AtomicInteger()).incrementAndGet();
        if (failOnce.remove(eventId)) {
            NetworkException failure = new NetworkException("connection dropped (injected)");
            callback.onCompletion(null, failure);
            return CompletableFuture.failedFuture(failure);
        }
        return broker.send(record, callback);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return send(record, (metadata, failure) -> {});
    }

    @Override
    public void flush() {
        broker.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return broker.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return broker.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return broker.clientInstanceId(timeout);
    }

    @Override
    public void close() {
        broker.close();
    }

    @Override
    public void close(Duration timeout) {
        broker.close(timeout);
    }

    @Override
    public void initTransactions() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void beginTransaction() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void sendOffsetsToTransaction(
            Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void commitTransaction() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void abortTransaction() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
        broker.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
        broker.unregisterMetricFromSubscription(metric);
    }
}
