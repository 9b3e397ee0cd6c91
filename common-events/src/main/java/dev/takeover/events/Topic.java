package dev.takeover.events;

import java.util.Locale;

/** The public topics. Each name is a default: a deployment overrides it with the {@link #configKey()} property. */
public enum Topic {
    CONVERSATION_INBOUND("conversation.inbound"),
    CONVERSATION_OUTBOUND("conversation.outbound"),
    BOT_ANALYSIS("bot.analysis"),
    HANDOVER_EVENTS("handover.events"),
    AGENT_EVENTS("agent.events"),
    TRANSCRIPT_EVENTS("transcript.events");

    private final String defaultName;

    Topic(String defaultName) {
        this.defaultName = defaultName;
    }

    public String defaultName() {
        return defaultName;
    }

    public String configKey() {
        return "takeover.topics." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Where a service parks the records it could not process. */
    public static String deadLetterTopic(String serviceName) {
        return serviceName + ".dlq";
    }
}
