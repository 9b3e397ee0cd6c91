package dev.takeover.events.agent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.takeover.events.EventCodec;
import dev.takeover.events.EventTypes;
import dev.takeover.events.Topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotAnswerFlaggedTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:18:40Z");

    @Test
    void travelsOnAgentEventsUnderItsOwnType() {
        assertThat(EventTypes.named("agent.bot-answer-flagged.v1")).contains(BotAnswerFlagged.TYPE);
        assertThat(BotAnswerFlagged.TYPE.topic()).isEqualTo(Topic.AGENT_EVENTS);
    }

    @Test
    void aFlagWithoutAnExpectedIntentOrCommentLeavesThemOut() {
        BotAnswerFlagged flag = new BotAnswerFlagged("conv-1", "flag-1", "b1", "anna", "Anna", " ", "", AT);

        String json = new String(EventCodec.toJson(flag), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("expectedIntent").doesNotContain("comment");
        assertThat(EventCodec.fromJson(json.getBytes(StandardCharsets.UTF_8), BotAnswerFlagged.class))
                .isEqualTo(flag);
    }

    @Test
    void aFlagNamesTheBotMessage() {
        assertThatThrownBy(() -> new BotAnswerFlagged("conv-1", "flag-1", null, "anna", "Anna", null, null, AT))
                .hasMessageContaining("messageId is required");
    }
}
