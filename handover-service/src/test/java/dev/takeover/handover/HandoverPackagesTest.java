package dev.takeover.handover;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.takeover.events.handover.HandoverPackage;
import dev.takeover.events.handover.HandoverRequested.Evidence;
import dev.takeover.events.handover.HandoverRequested.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/** The package an agent reads first: each thing the bot tried once, and one summary in the conversation's language. */
class HandoverPackagesTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final List<Reason> ASKED_FOR_A_PERSON = List.of(new Reason(
            "CUSTOMER_REQUEST",
            "The customer asked for a person. [rule customer-request]",
            new Evidence(List.of("m2"), Map.of(), Map.of())));

    @Test
    void eachBotMessageIsOneAttemptWithItsPurpose() {
        HandoverPackage built = HandoverPackages.of(
                conversation(),
                List.of(turn("m1", "Wo ist meine Rechnung?", "invoice_question", 0.1)),
                List.of(
                        botReply("b1", "Ihre Rechnung finden Sie im Kundenkonto.", "ANSWER"),
                        botReply("b2", "Wie lautet Ihre Kundennummer?", "DATA_REQUEST")),
                ASKED_FOR_A_PERSON,
                "de");

        assertThat(built.botAttempts())
                .containsExactly(
                        "ANSWER: Ihre Rechnung finden Sie im Kundenkonto.",
                        "DATA_REQUEST: Wie lautet Ihre Kundennummer?");
    }

    @Test
    void aGermanConversationGetsOneGermanSummary() {
        HandoverPackage built = HandoverPackages.of(
                conversation(),
                List.of(
                        turn("m1", "Wo ist meine Rechnung?", "invoice_question", 0.1),
                        turn("m2", "Ich möchte mit einem Mitarbeiter sprechen", "human_request", -0.4)),
                List.of(botReply("b1", "Wie lautet Ihre Kundennummer?", "DATA_REQUEST")),
                ASKED_FOR_A_PERSON,
                "de");

        assertThat(built.summary())
                .isEqualTo("Erika schrieb 2 Nachrichten über web zu invoice_question, human_request."
                        + " Die Stimmung ging von 0.10 auf -0.40. Der Bot antwortete einmal (DATA_REQUEST)."
                        + " Erfasst: customerNumber. Übergeben, weil: Wunsch nach einem Menschen."
                        + " Erste Nachricht: „Wo ist meine Rechnung?“"
                        + " Letzte: „Ich möchte mit einem Mitarbeiter sprechen“");
    }

    @Test
    void anEnglishConversationGetsOneEnglishSummaryWithThePolicysWords() {
        HandoverPackage built = HandoverPackages.of(
                conversation(),
                List.of(turn("m1", "I want to talk to a human", "human_request", -0.2)),
                List.of(),
                ASKED_FOR_A_PERSON,
                "en");

        assertThat(built.summary())
                .isEqualTo("Erika wrote 1 message on web about human_request. Collected: customerNumber."
                        + " Escalated because: The customer asked for a person. [rule customer-request]"
                        + " First message: \"I want to talk to a human\"");
    }

    private static Conversation conversation() {
        Conversation conversation = new Conversation();
        conversation.conversationId = "conv-1";
        conversation.customerName = "Erika";
        conversation.channel = "web";
        conversation.collectedData = Map.of("customerNumber", "K-4711");
        return conversation;
    }

    private static Turn turn(String messageId, String text, String intent, double sentiment) {
        Turn turn = new Turn();
        turn.conversationId = "conv-1";
        turn.messageId = messageId;
        turn.text = text;
        turn.analysed = true;
        turn.intent = intent;
        turn.sentiment = sentiment;
        return turn;
    }

    private static Reply botReply(String messageId, String text, String purpose) {
        Reply reply = new Reply();
        reply.messageId = messageId;
        reply.conversationId = "conv-1";
        reply.senderType = "BOT";
        reply.purpose = purpose;
        reply.text = text;
        reply.sentAt = START;
        return reply;
    }
}
