package dev.takeover.bot.dialogue;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.takeover.common.texts.Texts;

/**
 * What the bot says besides the knowledge base's answers, one method per prompt, in the conversation's language. The
 * words are in {@code messages/prompts_<language>.properties} (German and English), which a non-programmer edits;
 * any other language reads English. {@code name} is the customer's first name or null.
 */
public final class Prompts {

    private static final String BUNDLE = "messages/prompts";
    private static final String FALLBACK = "en";

    /** The languages whose words for "yes" count in every conversation: a short reply's language cannot be told. */
    private static final List<String> WRITTEN = List.of("en", "de");

    private final Pattern yes;

    public Prompts() {
        String words = WRITTEN.stream().map(language -> in(language).get("yes")).collect(Collectors.joining("|"));
        this.yes = Pattern.compile("^\\W*(?:" + words + ")\\W*$");
    }

    /** Whether the whole reply (folded, as {@code TextFeatures.fold} gives it) says yes. */
    public boolean saysYes(String folded) {
        return yes.matcher(folded).matches();
    }

    public String clarify(String language, String first, String second) {
        return in(language).fill("clarify", "first", first, "second", second);
    }

    public String fallback(String language) {
        return in(language).get("fallback");
    }

    public String notUnderstood(String language) {
        return in(language).get("notUnderstood");
    }

    public String rejected(String language) {
        return in(language).get("rejected");
    }

    public String noAnswer(String language, String topic) {
        return in(language).fill("noAnswer", "topic", topic);
    }

    public String ask(CustomerData.Field field, String language) {
        return in(language).get(field == CustomerData.Field.EMAIL ? "askEmail" : "askCustomerNumber");
    }

    public String askAgain(CustomerData.Field field, String language) {
        return in(language).get(field == CustomerData.Field.EMAIL ? "askEmailAgain" : "askCustomerNumberAgain");
    }

    /** The first question for an agent's data, with why the bot asks. */
    public String askBeforeHandover(CustomerData.Field field, String language) {
        return in(language).get("beforeHandover") + " " + ask(field, language);
    }

    public String dataComplete(String language, String name) {
        return named("dataComplete", language, name);
    }

    public String survey(String language, String name) {
        return named("survey", language, name);
    }

    public String botSurvey(String language, String name) {
        return named("botSurvey", language, name);
    }

    public String surveyThanks(String language) {
        return in(language).get("surveyThanks");
    }

    private String named(String key, String language, String name) {
        return in(language).fill(key, "name", name == null ? "" : ", " + name);
    }

    private static Texts in(String language) {
        return Texts.in(Prompts.class, BUNDLE, language, FALLBACK);
    }
}
