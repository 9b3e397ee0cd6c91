package dev.takeover.bot.dialogue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.takeover.bot.Awaiting;
import dev.takeover.bot.Conversation;
import dev.takeover.bot.dialogue.CustomerData.Field;
import dev.takeover.bot.dialogue.Dialogue.Purpose;
import dev.takeover.bot.dialogue.Dialogue.Turn;
import dev.takeover.bot.nlu.MessageCues.Cue;
import dev.takeover.bot.nlu.Understanding;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;
import dev.takeover.events.handover.ControlState;

import static org.assertj.core.api.Assertions.assertThat;

class DialogueTest {

    private final Dialogue dialogue = new Dialogue(
            KnowledgeBase.parse(Resources.read("nlu/knowledge-base.json")),
            new Prompts(),
            new CustomerData("[A-Z]{0,3}-?[0-9]{4,10}"),
            new Dialogue.Settings(0.45, Set.of("service_outage", "data_loss", "security_incident"), 0.6, 2, true));
    private Conversation conversation;

    @BeforeEach
    void newConversation() {
        conversation = new Conversation();
        conversation.cameThrough("web");
    }

    @Test
    void offersTheTwoMostLikelyTopicsOnLowConfidenceAndAnswersTheChosenOne() {
        Turn question = dialogue.respond(conversation, unsure("return_refund", "shipping_info"), "hmm", 0);
        assertThat(question.reply().orElseThrow().purpose()).isEqualTo(Purpose.CLARIFICATION);
        assertThat(question.reply().orElseThrow().text()).contains("returns and refunds", "shipping costs and times");

        Turn answer = dialogue.respond(conversation, unsure("deny", "affirm"), "the second one", 0);
        assertThat(answer.reply().orElseThrow().purpose()).isEqualTo(Purpose.ANSWER);
        assertThat(answer.reply().orElseThrow().text()).contains("Standard shipping");
        assertThat(answer.clarificationFailed()).isFalse();
    }

    @Test
    void countsAFailedClarificationOnlyAfterTheQuestion() {
        dialogue.respond(conversation, unsure("return_refund", "shipping_info"), "hmm", 0);
        assertThat(conversation.consecutiveFailures()).isZero();

        Turn failed = dialogue.respond(conversation, outOfScope("en"), "what's the weather", 0);

        assertThat(failed.clarificationFailed()).isTrue();
        assertThat(conversation.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void aRejectedAnswerLeadsToAnOfferOfAPersonAndAYesIsARequestForOne() {
        dialogue.respond(conversation, confident("return_refund", "en"), "how do I return this", 0);

        Turn rejected =
                dialogue.respond(conversation, withCues(outOfScope("en"), Cue.REJECTION), "that didn't help", 0);
        assertThat(rejected.rejectedBotAnswer()).isTrue();
        assertThat(rejected.reply().orElseThrow().purpose()).isEqualTo(Purpose.OFFER);

        Turn yes = dialogue.respond(conversation, confident("affirm", "en"), "yes please", 0);
        assertThat(yes.humanRequested()).isTrue();
        assertThat(yes.reply().orElseThrow().purpose()).isEqualTo(Purpose.DATA_REQUEST);
    }

    @Test
    void aCriticalIntentCollectsTheCustomerNumberBeforeAnythingElse() {
        Turn turn = dialogue.respond(conversation, confident("data_loss", "de"), "Alle meine Dateien sind weg", 0);

        assertThat(turn.reply().orElseThrow().purpose()).isEqualTo(Purpose.DATA_REQUEST);
        assertThat(turn.reply().orElseThrow().text()).contains("Kundennummer");
        assertThat(conversation.awaiting()).isEqualTo(Awaiting.CUSTOMER_NUMBER);
    }

    @Test
    void whileWaitingForAPersonItCollectsButNeverAnswers() {
        conversation.learn(Field.CUSTOMER_NUMBER, "K-12345");
        conversation.learn(Field.EMAIL, "a@example.org");
        conversation.controlChanged(ControlState.QUEUED, java.time.Instant.now());

        Turn turn = dialogue.respond(conversation, confident("shipping_info", "en"), "how much is shipping", 0);

        assertThat(turn.reply()).isEmpty();
    }

    @Test
    void neverAsksForWhatItAlreadyKnows() {
        conversation.learn(Field.CUSTOMER_NUMBER, "K-12345");
        conversation.learn(Field.NAME, "Erika Muster");

        Turn turn = dialogue.respond(conversation, confident("order_status", "de"), "Wo ist meine Bestellung", 0);

        assertThat(turn.reply().orElseThrow().purpose()).isEqualTo(Purpose.ANSWER);
        assertThat(turn.reply().orElseThrow().text()).contains("Erika", "K-12345");
    }

    @Test
    void afterAHandBackItAsksAboutTheAgentAndReadsTheScore() {
        conversation.spoke("de");
        Dialogue.Reply survey = dialogue.survey(conversation, "h-7");
        assertThat(survey.purpose()).isEqualTo(Purpose.SURVEY);
        assertThat(conversation.surveyHandoverId()).isEqualTo("h-7");

        Turn rated = dialogue.respond(conversation, confident("affirm", "de"), "4 von 5", 0);

        assertThat(rated.surveyAnswer()).contains(SurveyAnswer.scored(4));
        assertThat(rated.reply().orElseThrow().purpose()).isEqualTo(Purpose.SURVEY);
        assertThat(conversation.surveyScore()).isEqualTo(4);
        assertThat(conversation.awaiting()).isEqualTo(Awaiting.NOTHING);
    }

    @Test
    void aReplyThatIsNoRatingIsAnsweredAsAnyMessage() {
        dialogue.survey(conversation, "h-7");

        Turn turn = dialogue.respond(conversation, confident("shipping_info", "en"), "how much is shipping", 0);

        assertThat(turn.surveyAnswer()).isEmpty();
        assertThat(turn.reply().orElseThrow().purpose()).isEqualTo(Purpose.ANSWER);
    }

    @Test
    void asksOnceAboutItsOwnHelpWhenACustomerOnlyItServedSaysGoodbyeAfterAnAnswer() {
        dialogue.respond(conversation, confident("shipping_info", "en"), "how much is shipping", 0);

        Turn goodbye = dialogue.respond(conversation, confident("goodbye", "en"), "bye", 0);
        assertThat(goodbye.reply().orElseThrow().purpose()).isEqualTo(Purpose.SURVEY);
        assertThat(goodbye.reply().orElseThrow().text()).contains("my help");
        assertThat(conversation.surveyHandoverId()).isNull();

        Turn words = dialogue.respond(conversation, confident("thanks", "en"), "thanks, great", 0);
        assertThat(words.surveyAnswer()).contains(SurveyAnswer.inWords());
        assertThat(conversation.surveyScore()).isNull();

        dialogue.respond(conversation, confident("shipping_info", "en"), "how much is shipping", 0);
        Turn again = dialogue.respond(conversation, confident("goodbye", "en"), "bye", 0);
        assertThat(again.reply().orElseThrow().purpose()).isEqualTo(Purpose.ANSWER);
    }

    @Test
    void neverAsksAboutItsOwnHelpWhenAPersonServedOrItHadNotAnswered() {
        Turn early = dialogue.respond(conversation, confident("goodbye", "en"), "bye", 0);
        assertThat(early.reply().orElseThrow().purpose()).isEqualTo(Purpose.ANSWER);

        conversation.servedInHandover("h-3");
        dialogue.respond(conversation, confident("shipping_info", "en"), "how much is shipping", 0);
        Turn goodbye = dialogue.respond(conversation, confident("goodbye", "en"), "bye", 0);
        assertThat(goodbye.reply().orElseThrow().purpose()).isEqualTo(Purpose.ANSWER);
    }

    @Test
    void aLateControlStateChangeDoesNotUndoANewerOne() {
        java.time.Instant now = java.time.Instant.now();
        assertThat(conversation.controlChanged(ControlState.HANDED_BACK, now)).isTrue();
        assertThat(conversation.controlChanged(ControlState.WITH_AGENT, now.minusSeconds(5)))
                .isFalse();
        assertThat(conversation.personInCharge()).isFalse();
    }

    private static Understanding confident(String intent, String language) {
        return new Understanding(
                language,
                new Intent(intent, 0.9),
                List.of(new Intent(intent, 0.9), new Intent("greeting", 0.05)),
                false,
                false,
                new Sentiment(0, Sentiment.Label.NEUTRAL),
                Set.of());
    }

    private static Understanding unsure(String first, String second) {
        return new Understanding(
                "en",
                new Intent(first, 0.3),
                List.of(new Intent(first, 0.3), new Intent(second, 0.25)),
                false,
                false,
                new Sentiment(0, Sentiment.Label.NEUTRAL),
                Set.of());
    }

    private static Understanding outOfScope(String language) {
        return new Understanding(
                language,
                new Intent(Understanding.OUT_OF_SCOPE, 0.9),
                List.of(new Intent("greeting", 0.1), new Intent("thanks", 0.1)),
                true,
                false,
                new Sentiment(-0.3, Sentiment.Label.NEGATIVE),
                Set.of());
    }

    private static Understanding withCues(Understanding understanding, Cue... cues) {
        return new Understanding(
                understanding.language(),
                understanding.intent(),
                understanding.alternatives(),
                understanding.outOfScope(),
                understanding.humanRequested(),
                understanding.sentiment(),
                Set.of(cues));
    }
}
