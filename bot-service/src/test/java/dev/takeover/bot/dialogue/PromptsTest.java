package dev.takeover.bot.dialogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptsTest {

    private final Prompts prompts = new Prompts();

    @Test
    void speaksTheConversationsLanguageAndEnglishOtherwise() {
        assertThat(prompts.surveyThanks("de")).startsWith("Danke für Ihr Feedback");
        assertThat(prompts.surveyThanks("en")).startsWith("Thank you for your feedback");
        assertThat(prompts.surveyThanks("fr")).isEqualTo(prompts.surveyThanks("en"));
        assertThat(prompts.surveyThanks(null)).isEqualTo(prompts.surveyThanks("en"));
    }

    @Test
    void fillsTheFirstNameAndTheTopics() {
        assertThat(prompts.dataComplete("en", "Anna")).startsWith("Thank you, Anna, I've passed");
        assertThat(prompts.dataComplete("en", null)).startsWith("Thank you, I've passed");
        assertThat(prompts.clarify("de", "Bestellstatus", "ein Lieferproblem"))
                .isEqualTo("Damit ich Sie richtig verstehe: Geht es um Bestellstatus oder um ein Lieferproblem?");
        assertThat(prompts.noAnswer("en", "contracts"))
                .contains("about contracts,")
                .doesNotContain("{");
    }

    @Test
    void explainsTheFirstQuestionBeforeAHandover() {
        assertThat(prompts.askBeforeHandover(CustomerData.Field.CUSTOMER_NUMBER, "en"))
                .isEqualTo("So that a colleague can help you straight away without asking again: "
                        + "Could you give me your customer number? You'll find it on every invoice.");
        assertThat(prompts.askAgain(CustomerData.Field.EMAIL, "de")).contains("E-Mail-Adresse");
    }

    @Test
    void hearsYesInEitherLanguageWhateverTheDetectedOne() {
        assertThat(prompts.saysYes("ja bitte")).isTrue();
        assertThat(prompts.saysYes("yes please!")).isTrue();
        assertThat(prompts.saysYes("gern")).isTrue();
        assertThat(prompts.saysYes("  ok. ")).isTrue();
        assertThat(prompts.saysYes("nein")).isFalse();
        assertThat(prompts.saysYes("yes but my order is late")).isFalse();
    }

    @Test
    void aKnowledgeBaseThatStillHoldsPromptsIsRead() {
        KnowledgeBase old = KnowledgeBase.parse("""
                {"intents": {"order_status": {"label": {"en": "order status"}, "answer": {"en": "See orders."}}},
                 "prompts": {"fallback": {"en": "Old words."}}}
                """);
        assertThat(old.label("order_status", "en")).isEqualTo("order status");
    }
}
