package dev.takeover.handover;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.takeover.events.EventCodec;

/**
 * Optional signals bot-service may add to an analysis beyond the contract's minimum: a failed clarification and the
 * customer rejecting the bot's answer. Read from the raw record so they count as soon as the bot sends them; absent or
 * unreadable means false.
 */
public record AnalysisSignals(boolean failedClarification, boolean answerRejected) {

    public static final AnalysisSignals NONE = new AnalysisSignals(false, false);

    public static AnalysisSignals from(byte[] json) {
        try {
            JsonNode root = EventCodec.mapper().readTree(json);
            return new AnalysisSignals(
                    flag(root, "failedClarification", "clarificationFailed"),
                    flag(root, "answerRejected", "rejectedAnswer"));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    private static boolean flag(JsonNode root, String... names) {
        for (String name : names) {
            JsonNode value = root.get(name);
            if (value != null && value.isBoolean() && value.booleanValue()) {
                return true;
            }
        }
        return false;
    }
}
