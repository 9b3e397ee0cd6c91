package dev.takeover.bot.dialogue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.takeover.bot.nlu.Understanding;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

import static org.assertj.core.api.Assertions.assertThat;

class SurveyAnswerTest {

    private static final double ANSWER_CONFIDENCE = 0.45;
    private static final Sentiment NEUTRAL = new Sentiment(0, Sentiment.Label.NEUTRAL);
    private static final Sentiment POSITIVE = new Sentiment(0.7, Sentiment.Label.POSITIVE);

    @Test
    void aNumberFromOneToFiveInAShortReplyIsTheScore() {
        assertThat(read("5", understood("affirm", 0.3, NEUTRAL))).contains(SurveyAnswer.scored(5));
        assertThat(read("4 von 5", understood("affirm", 0.3, NEUTRAL))).contains(SurveyAnswer.scored(4));
        assertThat(read("i'd say 3/5", understood("affirm", 0.3, NEUTRAL))).contains(SurveyAnswer.scored(3));
        assertThat(read("1 out of 5, sorry", outOfScope(NEUTRAL))).contains(SurveyAnswer.scored(1));
    }

    @Test
    void numbersThatAreNotARatingAreNone() {
        assertThat(read("6", outOfScope(NEUTRAL))).isEmpty();
        assertThat(read("2.5", outOfScope(NEUTRAL))).as("a fraction").isEmpty();
        assertThat(read("12", outOfScope(NEUTRAL))).isEmpty();
        assertThat(read(
                        "my order 4 has still not arrived after all these weeks",
                        understood("order_status", 0.9, NEUTRAL)))
                .as("a number in a long message is not a rating")
                .isEmpty();
    }

    @Test
    void thanksGoodbyeOrAComplaintAreAnAnswerInWords() {
        assertThat(read("thank you, that was really helpful", understood("thanks", 0.9, POSITIVE)))
                .contains(SurveyAnswer.inWords());
        assertThat(read("tschuss", understood("goodbye", 0.8, NEUTRAL))).contains(SurveyAnswer.inWords());
        assertThat(read(
                        "your colleague was rude",
                        understood("complaint", 0.8, new Sentiment(-0.6, Sentiment.Label.NEGATIVE))))
                .contains(SurveyAnswer.inWords());
        assertThat(SurveyAnswer.inWords().isInWords()).isTrue();
        assertThat(SurveyAnswer.scored(2).isInWords()).isFalse();
    }

    @Test
    void wordsTheBotFindsNoTopicInAreAnAnswerAndSoAreUnsureOnesWithAFeeling() {
        assertThat(read("meh", outOfScope(NEUTRAL))).contains(SurveyAnswer.inWords());
        assertThat(read("super, vielen dank an frau meier", understood("greeting", 0.3, POSITIVE)))
                .contains(SurveyAnswer.inWords());
        assertThat(read("hmm", understood("shipping_info", 0.3, NEUTRAL)))
                .as("unsure and without a feeling, it may be a new question")
                .isEmpty();
    }

    @Test
    void aNewTopicARequestForAPersonOrAPlainYesOrNoIsNoAnswer() {
        assertThat(read("where is my order", understood("order_status", 0.9, NEUTRAL)))
                .isEmpty();
        assertThat(read("no", understood("deny", 0.9, NEUTRAL))).isEmpty();
        assertThat(read("ok", understood("affirm", 0.9, NEUTRAL))).isEmpty();
        Understanding person = new Understanding(
                "en", new Intent(Understanding.HUMAN_REQUEST, 0.9), List.of(), false, true, POSITIVE, Set.of());
        assertThat(read("thanks, but i want to talk to a human again", person)).isEmpty();
        assertThat(read(" ", outOfScope(NEUTRAL))).isEmpty();
        assertThat(read("x".repeat(SurveyAnswer.LONGEST_WORDS + 1), outOfScope(POSITIVE)))
                .as("a long message is a new message")
                .isEmpty();
    }

    private static Optional<SurveyAnswer> read(String folded, Understanding understanding) {
        return SurveyAnswer.read(folded, understanding, ANSWER_CONFIDENCE);
    }

    private static Understanding understood(String intent, double confidence, Sentiment sentiment) {
        return new Understanding(
                "en",
                new Intent(intent, confidence),
                List.of(new Intent(intent, confidence)),
                false,
                false,
                sentiment,
                Set.of());
    }

    private static Understanding outOfScope(Sentiment sentiment) {
        return new Understanding(
                "en", new Intent(Understanding.OUT_OF_SCOPE, 0.9), List.of(), true, false, sentiment, Set.of());
    }
}
