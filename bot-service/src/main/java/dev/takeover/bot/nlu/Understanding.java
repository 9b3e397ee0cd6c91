package dev.takeover.bot.nlu;

import java.util.List;
import java.util.Set;

import dev.takeover.bot.nlu.MessageCues.Cue;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

/**
 * What one message says on its own: language, intent (or out of scope), the runners-up, whether it asks for a
 * person, its sentiment and its cues.
 */
public record Understanding(
        String language,
        Intent intent,
        List<Intent> alternatives,
        boolean outOfScope,
        boolean humanRequested,
        Sentiment sentiment,
        Set<Cue> cues) {

    public static final String OUT_OF_SCOPE = "out_of_scope";
    public static final String HUMAN_REQUEST = "human_request";

    public Understanding {
        alternatives = List.copyOf(alternatives);
        cues = Set.copyOf(cues);
    }
}
