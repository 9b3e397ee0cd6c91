package dev.takeover.common.membership;

import java.util.HashMap;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;

import io.smallrye.reactive.messaging.ClientCustomizer;

/**
 * Makes each consumer a static member of its group ({@code group.instance.id}) when the instance has a stable name.
 * An instance relaunched after a crash then takes its place back at once, with the same partitions and no rebalance,
 * instead of waiting for the crashed member's session to expire.
 */
@ApplicationScoped
public class StaticMembership implements ClientCustomizer<Map<String, Object>> {

    private final MembershipConfig config;

    StaticMembership(MembershipConfig config) {
        this.config = config;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> client) {
        return withInstanceId(channel, client, config.instanceId().orElse(null));
    }

    /** Only consumers in a group; each channel's consumer is its own member, so the channel is part of the id. */
    static Map<String, Object> withInstanceId(String channel, Map<String, Object> client, String instanceId) {
        if (instanceId == null || !client.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            return client;
        }
        Map<String, Object> customized = new HashMap<>(client);
        customized.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "." + channel);
        return customized;
    }
}
