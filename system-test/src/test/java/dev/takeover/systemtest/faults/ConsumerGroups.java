package dev.takeover.systemtest.faults;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/** A service's consumer group as the broker sees it: who is in it and who holds which partitions. */
final class ConsumerGroups implements AutoCloseable {

    /**
     * The partitions each member holds (by member id), how many members are static, and whether the group is stable:
     * while it rebalances, the broker shows no member's assignment.
     */
    record Membership(Map<String, Set<TopicPartition>> members, long staticMembers, boolean stable) {

        Set<String> memberIds() {
            return members.keySet();
        }

        Set<TopicPartition> assigned() {
            return members.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        }

        /** Stable, with every member holding a share: as many members as each topic has partitions at most. */
        boolean balanced() {
            return stable && members.values().stream().noneMatch(Set::isEmpty);
        }
    }

    private final Admin admin;

    ConsumerGroups(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    Membership of(String group) {
        try {
            ConsumerGroupDescription description =
                    admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return new Membership(
                    description.members().stream()
                            .collect(Collectors.toMap(
                                    MemberDescription::consumerId,
                                    member -> Set.copyOf(member.assignment().topicPartitions()))),
                    description.members().stream()
                            .filter(member -> member.groupInstanceId().isPresent())
                            .count(),
                    description.groupState() == GroupState.STABLE);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The offsets the group has committed, per partition: the next record each partition's member will read. */
    Map<TopicPartition, Long> committed(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(entry -> entry.getValue() != null)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
