package dev.takeover.bot.nlu;

import java.util.Map;

/** The answer to a catalogue replacement: what was trained, and how long it took. */
public record TrainingReport(
        int phrases,
        int intents,
        Map<String, Integer> phrasesPerIntent,
        Map<String, Integer> phrasesPerLanguage,
        int features,
        long trainingMillis) {}
