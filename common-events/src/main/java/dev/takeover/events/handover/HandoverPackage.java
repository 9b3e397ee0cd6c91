package dev.takeover.events.handover;

import java.util.List;
import java.util.Map;

import dev.takeover.events.Fields;

/** What an agent needs at a glance when taking over: who, what the bot collected and tried, and how it went. */
public record HandoverPackage(
        String customerId,
        String customerName,
        String channel,
        Map<String, String> collectedData,
        List<String> intents,
        List<Double> sentimentTrend,
        List<String> botAttempts,
        String summary) {

    public HandoverPackage {
        collectedData = Fields.mapOrEmpty(collectedData);
        intents = Fields.listOrEmpty(intents);
        sentimentTrend = Fields.listOrEmpty(sentimentTrend);
        botAttempts = Fields.listOrEmpty(botAttempts);
        summary = summary == null ? "" : summary;
    }
}
