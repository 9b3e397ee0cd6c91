package dev.takeover.bot.nlu;

import java.util.List;

/**
 * Natural-language understanding of customer messages, independent of the conversation. The rest of the service
 * sees only this interface, so another backend (an LLM, say) can replace {@link LinearNlu} without touching it.
 */
public interface Nlu {

    /**
     * One message to understand. {@code languageHint} is the language the channel or the conversation suggests, or
     * null; {@code conversationId}, when given, lets a batch carry one conversation's language from one of its
     * messages to the next.
     */
    record Utterance(String text, String languageHint, String conversationId) {
        public Utterance(String text, String languageHint) {
            this(text, languageHint, null);
        }
    }

    /** {@code languageHint} is the language the channel or the conversation suggests, or null. */
    default Understanding understand(String text, String languageHint) {
        return understandAll(List.of(new Utterance(text, languageHint))).get(0);
    }

    /**
     * Understands a batch in one go (one model call for the embeddings it needs), in order. Within the batch, a
     * conversation's later message takes the language of its earlier one as its hint.
     */
    List<Understanding> understandAll(List<Utterance> utterances);

    /** Trains on a new catalogue and puts it in place; the one in use stays until the new one is ready. */
    TrainingReport replaceCatalogue(Catalogue catalogue);

    Catalogue catalogue();
}
