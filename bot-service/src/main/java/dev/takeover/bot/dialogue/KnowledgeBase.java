package dev.takeover.bot.dialogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bot's answers and wording in German and English, from a data file: per intent a label (for clarifying
 * questions), the data it needs before it can answer, and the answer; and the prompts of the dialogue itself.
 */
public final class KnowledgeBase {

    /** One routine intent the bot can answer. */
    public record Entry(Map<String, String> label, List<CustomerData.Field> requires, Map<String, String> answer) {
        public Entry {
            requires = requires == null ? List.of() : List.copyOf(requires);
        }
    }

    private record Contents(Map<String, Entry> intents, Map<String, Map<String, String>> prompts) {}

    private final Contents contents;

    private KnowledgeBase(Contents contents) {
        this.contents = contents;
    }

    public static KnowledgeBase parse(String json) {
        try {
            Contents contents = new ObjectMapper().readValue(json, Contents.class);
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

    /** A knowledge base written before a prompt existed may lack it; the dialogue then leaves that step out. */
    public boolean hasPrompt(String name) {
        return contents.prompts().containsKey(name);
    }

    public String prompt(String name, String language) {
        Map<String, String> wording = contents.prompts().get(name);
        if (wording == null) {
            throw new IllegalStateException("the knowledge base has no prompt '" + name + "'");
        }
        return inLanguage(wording, language);
    }

    static String inLanguage(Map<String, String> wording, String language) {
        String text = wording.get(language);
        return text != null
                ? text
                : wording.getOrDefault("en", wording.values().iterator().next());
    }
}
