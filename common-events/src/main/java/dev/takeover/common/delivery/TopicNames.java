package dev.takeover.common.delivery;

import java.util.EnumMap;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import dev.takeover.events.Topic;

/** The topic names this deployment uses; the same properties name the topics of the services' incoming channels. */
@ApplicationScoped
public class TopicNames {

    private final Map<Topic, String> names = new EnumMap<>(Topic.class);

    TopicNames(Config config) {
        for (Topic topic : Topic.values()) {
            names.put(
                    topic,
                    config.getOptionalValue(topic.configKey(), String.class).orElse(topic.defaultName()));
        }
    }

    public String of(Topic topic) {
        return names.get(topic);
    }
}
