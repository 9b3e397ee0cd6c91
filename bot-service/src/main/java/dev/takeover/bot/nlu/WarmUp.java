package dev.takeover.bot.nlu;

import java.util.List;

/**
 * Runs the trained catalogue's own phrases through the NLU, one message at a time, before the service reports ready:
 * otherwise the first customers after a start pay for the JIT compilation of the analysis and the encoder's first
 * runs of each input length (hundreds of milliseconds each, against a few once warm). One at a time because that is
 * how the bot analyses a message that arrives alone.
 */
final class WarmUp {

    /** Enough for the JIT to compile the analysis and the encoder to have met the usual message lengths. */
    static final int MESSAGES = 200;

    private WarmUp() {}

    /** Understands up to {@code messages} phrases spread evenly over the catalogue; returns how many. */
    static int run(Nlu nlu, int messages) {
        List<TrainingPhrase> phrases = nlu.catalogue().phrases();
        if (phrases.isEmpty() || messages <= 0) {
            return 0;
        }
        int count = Math.min(messages, phrases.size());
        double step = (double) phrases.size() / count;
        for (int i = 0; i < count; i++) {
            TrainingPhrase phrase = phrases.get((int) (i * step));
            nlu.understand(phrase.text(), phrase.language());
        }
        return count;
    }
}
