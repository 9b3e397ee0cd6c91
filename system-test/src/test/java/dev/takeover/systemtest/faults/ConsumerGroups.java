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
import org.apache.kafka.common.TopicPartition;

/** A service's consumer group as the broker sees it: who is in it and who holds which partitions. */
final class ConsumerGroups implements AutoCloseable {

    /** The members' ids, how many are static members, and the partitions they hold between them. */
    record Membership(Set<String> memberIds, long staticMembers, Set<TopicPartition> assigned) {}

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
                            .map(MemberDescription::consumerId)
                            .collect(Collectors.toSet()),
                    description.members().stream()
                            .filter(member -> member.groupInstanceId().isPresent())
                            .count(),
                    description.members().stream()
                            .flatMap(member -> member.assignment().topicPartitions().stream())
                            .collect(Collectors.toSet()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + group, e.getCause());
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
