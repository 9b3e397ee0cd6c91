package dev.takeover.common.texts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextsTest {

    private static final String BUNDLE = "messages/greetings";

    @Test
    void readsTheWantedLanguageInUtf8AndFillsPlaceholders() {
        Texts german = Texts.in(TextsTest.class, BUNDLE, "de-AT", "en");

        assertThat(german.language()).isEqualTo("de");
        assertThat(german.fill("hello", "name", "Sam", "position", 3))
                .isEqualTo("Hallo Sam, Sie sind die Nummer 3. „Grüße“");
    }

    @Test
    void fallsBackToTheGivenLanguageThenToEnglish() {
        assertThat(Texts.in(TextsTest.class, BUNDLE, "fr", "de").language()).isEqualTo("de");
        assertThat(Texts.in(TextsTest.class, BUNDLE, "fr", "it").language()).isEqualTo("en");
        assertThat(Texts.in(TextsTest.class, BUNDLE, null, "en").language()).isEqualTo("en");
        assertThat(Texts.writes(TextsTest.class, BUNDLE, "de")).isTrue();
        assertThat(Texts.writes(TextsTest.class, BUNDLE, "fr")).isFalse();
    }

    @Test
    void keepsALeadingSpaceThatIsEscapedAndRefusesAMissingKey() {
        Texts english = Texts.in(TextsTest.class, BUNDLE, "en", "en");

        assertThat(english.get("spaced")).isEqualTo(" leading space kept");
        assertThat(english.getOrDefault("missing", "x")).isEqualTo("x");
        assertThatThrownBy(() -> english.get("missing")).hasMessageContaining("no text missing in en");
        assertThatThrownBy(() -> Texts.in(TextsTest.class, "messages/none", "en", "en"))
                .isInstanceOf(IllegalStateException.class);
    }
}
