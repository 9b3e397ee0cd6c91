package dev.takeover.bot.nlu;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One catalogue entry: an example of how customers express an intent, optionally in a known language. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingPhrase(String text, String intent, String language) {}
