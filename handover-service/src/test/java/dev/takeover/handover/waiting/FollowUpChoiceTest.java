package dev.takeover.handover.waiting;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.takeover.events.handover.FollowUpRequested.Kind;
import dev.takeover.handover.HandoverConfig;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpChoiceTest {

    private final FollowUpChoice choice = new FollowUpChoice(new HandoverConfig.FollowUp() {
        @Override
        public List<String> callbackKeywords() {
            return List.of("callback", "call me", "rückruf");
        }

        @Override
        public List<String> ticketKeywords() {
            return List.of("ticket", "e-mail");
        }

        @Override
        public List<String> callbackIntents() {
            return List.of("request_callback");
        }

        @Override
        public List<String> ticketIntents() {
            return List.of("request_ticket");
        }
    });

    @Test
    void theBotsIntentDecidesBeforeAnyKeyword() {
        assertThat(choice.of("a ticket please", "request_callback")).contains(Kind.CALLBACK);
        assertThat(choice.of(null, "request_ticket")).contains(Kind.TICKET);
    }

    @Test
    void keywordsMatchAsWholeWordsInAnyCase() {
        assertThat(choice.of("Please CALL ME tomorrow", null)).contains(Kind.CALLBACK);
        assertThat(choice.of("Rückruf bitte!", "greeting")).contains(Kind.CALLBACK);
        assertThat(choice.of("an e-mail is fine", null)).contains(Kind.TICKET);
        assertThat(choice.of("my tickets are gone", null)).isEmpty();
        assertThat(choice.of("recall me", null)).isEmpty();
        assertThat(choice.of(null, null)).isEmpty();
    }

    @Test
    void aCallbackWinsWhenBothAreMentioned() {
        assertThat(choice.of("ticket or callback, either", null)).contains(Kind.CALLBACK);
    }
}
