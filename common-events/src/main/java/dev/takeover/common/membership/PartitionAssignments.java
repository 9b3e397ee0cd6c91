package dev.takeover.common.membership;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Ready only while every incoming channel consumes what its group assigned it. The connector's own readiness counts
 * open connections, so an instance relaunched after a crash reported ready while its group still waited for the
 * crashed member's session to expire, and it held no partitions at all. Every channel uses this listener (the
 * connector's {@code consumer-rebalance-listener.name}); the broker and the database have their own checks.
 */
@Identifier(PartitionAssignments.NAME)
@Readiness
@ApplicationScoped
public class PartitionAssignments implements KafkaConsumerRebalanceListener, HealthCheck {

    public static final String NAME = "takeover-partition-assignments";

    private final ConcurrentMap<Consumer<?, ?>, Assignment> byConsumer = new ConcurrentHashMap<>();
    private final KafkaClientService clients;

    PartitionAssignments(KafkaClientService clients) {
        this.clients = clients;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        of(consumer).assigned(names(partitions));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        of(consumer).revoked(names(partitions));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        of(consumer).lost();
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, List<Assignment>> channels = new TreeMap<>();
        for (String channel : clients.getConsumerChannels()) {
            channels.put(
                    channel,
                    clients.getConsumers(channel).stream()
                            .map(consumer -> of(consumer.unwrap()))
                            .toList());
        }
        return report(channels);
    }

    /** Each assignment is read once, so that the status and the data agree while a rebalance goes on. */
    static HealthCheckResponse report(Map<String, List<Assignment>> channels) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("partitions assigned");
        boolean ready = true;
        for (Map.Entry<String, List<Assignment>> channel : channels.entrySet()) {
            int held = 0;
            boolean consuming = true;
            for (Assignment assignment : channel.getValue()) {
                OptionalInt partitions = assignment.held();
                consuming &= partitions.isPresent();
                held += partitions.orElse(0);
            }
            ready &= consuming;
            response.withData(channel.getKey(), consuming ? held + " partitions" : "waiting for its group");
        }
        return response.status(ready).build();
    }

    private Assignment of(Consumer<?, ?> consumer) {
        return byConsumer.computeIfAbsent(consumer, created -> new Assignment());
    }

    private static List<String> names(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).toList();
    }
}
