package dev.takeover.infrastructure;

import java.util.Arrays;
import java.util.List;

/**
 * The services and the web channel adapter: the module each is built in, the database it owns, and its default HTTP
 * port.
 */
public enum PlatformService {
    BOT("bot-service", "bot", 8081),
    HANDOVER("handover-service", "handover", 8082),
    AGENT("agent-service", "agent", 8083),
    TRANSCRIPT("transcript-service", "transcript", 8084),
    WEB_CHAT("web-chat", "webchat", 8085);

    private final String serviceName;
    private final String database;
    private final int defaultHttpPort;

    PlatformService(String serviceName, String database, int defaultHttpPort) {
        this.serviceName = serviceName;
        this.database = database;
        this.defaultHttpPort = defaultHttpPort;
    }

    /** Also the Maven module, the consumer group and the prefix of the dead-letter topic. */
    public String serviceName() {
        return serviceName;
    }

    public String database() {
        return database;
    }

    public int defaultHttpPort() {
        return defaultHttpPort;
    }

    public static List<String> serviceNames() {
        return Arrays.stream(values()).map(PlatformService::serviceName).toList();
    }
}
