package dev.takeover.bot.dialogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bot's answers in German and English, from a data file: per intent a label (for clarifying questions), the data
 * it needs before it can answer, and the answer. The dialogue's own wording is in {@link Prompts}; a file written
 * when it still held {@code prompts} is read, and those ignored with a warning.
 */
public final class KnowledgeBase {

    /** One routine intent the bot can answer. */
    public record Entry(Map<String, String> label, List<CustomerData.Field> requires, Map<String, String> answer) {
        public Entry {
            requires = requires == null ? List.of() : List.copyOf(requires);
        }
    }

    /** {@code prompts} is only read to warn that it no longer counts. */
    private record Contents(Map<String, Entry> intents, Map<String, Object> prompts) {}

    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class);

    private final Contents contents;

    private KnowledgeBase(Contents contents) {
        this.contents = contents;
    }

    public static KnowledgeBase parse(String json) {
        try {
            Contents contents = new ObjectMapper().readValue(json, Contents.class);
            if (contents.prompts() != null && !contents.prompts().isEmpty()) {
                // An operator's own wording would otherwise vanish without a word.
                LOG.warn("the knowledge base's prompts are no longer read: the dialogue's wording is in"
                        + " messages/prompts_<language>.properties");
            }
            return new KnowledgeBase(contents);
        } catch (IOException e) {
            throw new UncheckedIOException("the knowledge base is not valid", e);
        }
    }

    public Optional<Entry> entry(String intent) {
        return Optional.ofNullable(contents.intents().get(intent));
    }

    /** How to name an intent to a customer; an unknown intent is named by its words. */
    public String label(String intent, String language) {
        return entry(intent).map(entry -> inLanguage(entry.label(), language)).orElse(intent.replace('_', ' '));
    }

    static String inLanguage(Map<String, String> wording, String language) {
        String text = wording.get(language);
        return text != null
                ? text
                : wording.getOrDefault("en", wording.values().iterator().next());
    }
}
