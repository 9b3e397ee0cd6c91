package dev.takeover.events;

import java.util.regex.Pattern;

/** A wire type: the stable {@code ce_type} name, the topic it travels on and the record that carries it. */
public record EventType<T extends ConversationEvent>(String name, Topic topic, Class<T> payloadClass) {

    private static final Pattern NAME = Pattern.compile("[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");

    public EventType {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("event type '" + name + "' is not of the form <domain>.<event>.v<N>");
        }
    }

    public static <T extends ConversationEvent> EventType<T> of(String name, Topic topic, Class<T> payloadClass) {
        return new EventType<>(name, topic, payloadClass);
    }

    @Override
    public String toString() {
        return name;
    }
}
