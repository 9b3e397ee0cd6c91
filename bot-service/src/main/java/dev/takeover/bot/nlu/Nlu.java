package dev.takeover.bot.nlu;

/**
 * Natural-language understanding of one customer message, independent of the conversation. The rest of the service
 * sees only this interface, so another backend (an LLM, say) can replace {@link LinearNlu} without touching it.
 */
public interface Nlu {

    /** {@code languageHint} is the language the channel or the conversation suggests, or null. */
    Understanding understand(String text, String languageHint);

    /** Trains on a new catalogue and puts it in place; the one in use stays until the new one is ready. */
    TrainingReport replaceCatalogue(Catalogue catalogue);

    Catalogue catalogue();
}
