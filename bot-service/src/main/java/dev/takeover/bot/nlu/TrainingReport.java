package dev.takeover.bot.nlu;

import java.util.Map;

/**
 * The answer to a catalogue replacement: what was trained, how long it took (embedding the phrases included), the
 * embedding model, and the nearest-phrase similarity below which a message is out of scope, per language, as
 * calibrated on this catalogue.
 */
public record TrainingReport(
        int phrases,
        int intents,
        Map<String, Integer> phrasesPerIntent,
        Map<String, Integer> phrasesPerLanguage,
        int features,
        long trainingMillis,
        long embeddingMillis,
        String embeddingModel,
        Map<String, Double> outOfScopeThresholds) {}
