package dev.takeover.events.bot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.takeover.events.EventCodec;
import dev.takeover.events.EventTypes;
import dev.takeover.events.Topic;
import dev.takeover.events.bot.SatisfactionRated.ServedBy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SatisfactionRatedTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:31:05Z");

    @Test
    void travelsOnBotAnalysisUnderItsOwnType() {
        assertThat(EventTypes.named("bot.satisfaction-rated.v1")).contains(SatisfactionRated.TYPE);
        assertThat(SatisfactionRated.TYPE.topic()).isEqualTo(Topic.BOT_ANALYSIS);
    }

    @Test
    void anAnswerInWordsHasNoScoreAndTheBotsRatingNoHandover() {
        SatisfactionRated rated = SatisfactionRated.inWords("conv-1", "m-9", ServedBy.BOT, null, "en", "web", AT);

        String json = new String(EventCodec.toJson(rated), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"answeredInWords\":true", "\"servedBy\":\"BOT\"")
                .doesNotContain("score")
                .doesNotContain("handoverId");
        assertThat(EventCodec.fromJson(json.getBytes(StandardCharsets.UTF_8), SatisfactionRated.class))
                .isEqualTo(rated);
    }

    @Test
    void aScoreIsOneToFive() {
        assertThatThrownBy(() -> SatisfactionRated.scored("conv-1", "m-9", 6, ServedBy.BOT, null, "en", "web", AT))
                .hasMessageContaining("score must be between 1.0 and 5.0");
        assertThatThrownBy(() -> SatisfactionRated.scored("conv-1", "m-9", 0, ServedBy.BOT, null, "en", "web", AT))
                .hasMessageContaining("score");
    }

    @Test
    void aRatingHasEitherAScoreOrWords() {
        assertThatThrownBy(() -> new SatisfactionRated("conv-1", "m-9", 3, true, ServedBy.BOT, null, "en", "web", AT))
                .hasMessageContaining("either a score or an answer in words");
        assertThatThrownBy(
                        () -> new SatisfactionRated("conv-1", "m-9", null, false, ServedBy.BOT, null, "en", "web", AT))
                .hasMessageContaining("either a score or an answer in words");
    }

    @Test
    void anAgentsRatingNamesTheHandoverAndTheBotsNone() {
        assertThatThrownBy(() -> SatisfactionRated.scored("conv-1", "m-9", 4, ServedBy.AGENT, null, "en", "web", AT))
                .hasMessageContaining("handoverId is required");
        assertThatThrownBy(() -> SatisfactionRated.scored("conv-1", "m-9", 4, ServedBy.BOT, "h-1", "en", "web", AT))
                .hasMessageContaining("the bot served this one");
    }
}
