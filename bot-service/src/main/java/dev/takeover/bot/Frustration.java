package dev.takeover.bot;

import java.util.ArrayList;
import java.util.List;

import dev.takeover.bot.nlu.MessageCues.Cue;
import dev.takeover.bot.nlu.Understanding;

/**
 * How frustrated the customer is, 0..1, from the message (negative sentiment, shouting, insults, "that didn't help",
 * "schon wieder") and from the conversation: repeating themselves, the bot failing twice in a row, and frustration
 * that was already there, which fades slowly rather than vanishing with one calm message.
 */
public final class Frustration {

    public static final String REPEATED_MESSAGE = "REPEATED_MESSAGE";
    public static final String BOT_FAILURES = "BOT_FAILURES";

    private static final double CARRIED_OVER = 0.3;
    private static final double FADE = 0.7;

    /** The score and the signals behind it. */
    public record Assessment(double score, List<String> signals) {}

    private Frustration() {}

    public static Assessment assess(
            Understanding understanding, double previous, boolean repeated, int consecutiveBotFailures) {
        List<String> signals = new ArrayList<>();
        double now = Math.max(0, -understanding.sentiment().score()) * 0.5;
        for (Cue cue : understanding.cues()) {
            now += weight(cue);
            signals.add(cue.name());
        }
        if (repeated) {
            now += 0.25;
            signals.add(REPEATED_MESSAGE);
        }
        if (consecutiveBotFailures >= 2) {
            now += 0.3;
            signals.add(BOT_FAILURES);
        } else if (consecutiveBotFailures == 1) {
            now += 0.1;
        }
        double score = now > 0 ? now + CARRIED_OVER * previous : 0;
        score = Math.max(score, FADE * previous);
        return new Assessment(Math.round(Math.min(1, score) * 1000) / 1000.0, List.copyOf(signals));
    }

    private static double weight(Cue cue) {
        return switch (cue) {
            case SHOUTING -> 0.2;
            case EXCLAMATIONS -> 0.1;
            case INSULT -> 0.35;
            case REJECTION -> 0.3;
            case RECURRENCE -> 0.2;
            case URGENCY -> 0.1;
        };
    }
}
