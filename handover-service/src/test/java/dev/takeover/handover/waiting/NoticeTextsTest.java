package dev.takeover.handover.waiting;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeTextsTest {

    @Test
    void speaksGermanAndEnglishAndFallsBackForOtherLanguages() {
        assertThat(NoticeTexts.in("de", "en").agentJoined("Sam"))
                .isEqualTo("Sam aus dem Support ist jetzt für Sie da.");
        assertThat(NoticeTexts.in("en-GB", "en").agentJoined("Sam"))
                .isEqualTo("Sam from support has joined the conversation.");
        assertThat(NoticeTexts.in("fr", "de").language()).isEqualTo("de");
        assertThat(NoticeTexts.in(null, "en").language()).isEqualTo("en");
    }

    @Test
    void saysWhyAPersonIsComing() {
        assertThat(NoticeTexts.in("en", "en").handover("CUSTOMER_REQUEST")).contains(", as you asked");
        assertThat(NoticeTexts.in("de", "en").handover("CRITICAL_ISSUE")).contains("dringend");
        assertThat(NoticeTexts.in("en", "en").handover("SOMETHING_NEW"))
                .startsWith("I'm bringing in a person from our support team.");
    }

    @Test
    void roundsTheExpectedWaitToWhatAPersonCanUse() {
        NoticeTexts english = NoticeTexts.in("en", "en");
        assertThat(english.expectedWait(20)).isEqualTo("less than a minute");
        assertThat(english.expectedWait(70)).isEqualTo("about 1 minute");
        assertThat(english.expectedWait(400)).isEqualTo("about 7 minutes");
        assertThat(english.expectedWait(4_000)).isEqualTo("about 1 h 7 min");
        assertThat(english.queue(1, 90)).isEqualTo("You're next in line. Expected wait: about 2 minutes.");
        assertThat(NoticeTexts.in("de", "en").queue(3, 300))
                .isEqualTo("Sie sind auf Platz 3 der Warteschlange. Voraussichtliche Wartezeit: etwa 5 Minuten.");
    }

    @Test
    void tellsWhenPeopleAreBackInTheCustomersLanguage() {
        ZonedDateTime monday = ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        assertThat(NoticeTexts.in("de", "en").outOfHours(monday))
                .contains("am Montag, 30. November, um 08:00 Uhr")
                .contains("RÜCKRUF");
        assertThat(NoticeTexts.in("en", "en").outOfHours(monday))
                .contains("on Monday, 30 November at 08:00")
                .contains("CALLBACK");
    }

    @Test
    void usesTheOperatorsIncidentWordsWhenGiven() {
        assertThat(NoticeTexts.in("de", "en").incident(Map.of("de", "Der Login ist gestört.")))
                .isEqualTo("Der Login ist gestört.");
        assertThat(NoticeTexts.in("en", "en").incident(Map.of("de", "Der Login ist gestört.")))
                .startsWith("We know about a current disruption");
    }
}
