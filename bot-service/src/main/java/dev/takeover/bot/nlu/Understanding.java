package dev.takeover.bot.nlu;

import java.util.List;
import java.util.Set;

import dev.takeover.bot.nlu.MessageCues.Cue;
import dev.takeover.events.bot.MessageAnalyzed.Critical;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

/**
 * What one message says on its own: language, intent (or out of scope), the runners-up, whether it asks for a
 * person, its sentiment, its cues, and the critical issue it reports (null when none).
 */
public record Understanding(
        String language,
        Intent intent,
        List<Intent> alternatives,
        boolean outOfScope,
        boolean humanRequested,
        Sentiment sentiment,
        Set<Cue> cues,
        Critical critical) {

    public static final String OUT_OF_SCOPE = "out_of_scope";
    public static final String HUMAN_REQUEST = "human_request";

    public Understanding {
        alternatives = List.copyOf(alternatives);
        cues = Set.copyOf(cues);
    }

    /** Without a critical issue. */
    public Understanding(
            String language,
            Intent intent,
            List<Intent> alternatives,
            boolean outOfScope,
            boolean humanRequested,
            Sentiment sentiment,
            Set<Cue> cues) {
        this(language, intent, alternatives, outOfScope, humanRequested, sentiment, cues, null);
    }

    /** The same understanding in another language (the caller knows better, e.g. the channel says so). */
    public Understanding inLanguage(String other) {
        return new Understanding(other, intent, alternatives, outOfScope, humanRequested, sentiment, cues, critical);
    }
}
