package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.takeover.bot.dialogue.Resources;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NluTest {

    private static SentenceEncoder encoder;
    private static LinearNlu nlu;
    private final HumanRequestDetector humanRequests = new HumanRequestDetector();

    @BeforeAll
    static void train() {
        encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2);
        nlu = fresh();
        nlu.replaceCatalogue(Catalogue.parse(Resources.read("nlu/catalogue.jsonl")));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    private static LinearNlu fresh() {
        return new LinearNlu(NluSettings.defaults(), new LanguageDetector(), new SentimentAnalyzer(), encoder);
    }

    @Test
    void evidenceReadOnceAndDecidedByOtherSettingsIsWhatAnNluWithThoseSettingsUnderstands() {
        List<Nlu.Utterance> messages = List.of(
                new Nlu.Utterance("Wo ist meine Bestellung?", null, null),
                new Nlu.Utterance("Kann ich mein Fahrrad hier reparieren lassen?", null, null),
                new Nlu.Utterance("What is the capital of Peru?", null, null),
                new Nlu.Utterance("I want my money back for the broken kettle", null, null));
        NluSettings strict =
                IntentTuningTest.with(NluSettings.defaults(), 0.7, 0.6, 0.3, 0.5, 0.2, 0.3, 0.3, 0.4, 0.2, 0.3);
        LinearNlu strictNlu = new LinearNlu(strict, new LanguageDetector(), new SentimentAnalyzer(), encoder);
        strictNlu.replaceCatalogue(Catalogue.parse(Resources.read("nlu/catalogue.jsonl")));

        List<LinearNlu.Evidence> evidence = nlu.evidence(messages);

        assertThat(evidence.stream()
                        .map(e -> nlu.decide(e, NluSettings.defaults()))
                        .toList())
                .isEqualTo(nlu.understandAll(messages));
        assertThat(evidence.stream().map(e -> nlu.decide(e, strict)).toList())
                .isEqualTo(strictNlu.understandAll(messages));
        assertThat(strictNlu.understandAll(messages).stream().filter(Understanding::outOfScope))
                .hasSizeGreaterThan((int) nlu.understandAll(messages).stream()
                        .filter(Understanding::outOfScope)
                        .count());
    }

    @Test
    void pastedMarkupIsNeitherACriticalIssueNorARequestAndTheWordsAroundItStillCount() {
        Understanding markup = nlu.understand("<img src=x onerror=alert(1)> <b>bold?</b>", null);
        Understanding wrapped = nlu.understand("<p>Our server is down and we cannot access any of our data</p>", null);

        assertThat(markup.critical()).isNull();
        assertThat(markup.humanRequested()).isFalse();
        assertThat(wrapped.critical()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I want to talk to a human",
                "Ich möchte mit einem Mitarbeiter sprechen",
                "can I talk to a real person",
                "Mitarbeiter bitte",
                "stop, I want someone from support",
                "bist du ein Bot? ich will einen Menschen",
                "Verbinden Sie mich bitte mit einem Berater"
            })
    void recognisesRequestsForAPersonDirectAndIndirect(String text) {
        assertThat(humanRequests.requestsHuman(text)).isTrue();
        assertThat(nlu.understand(text, null).humanRequested()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "the agent on the phone was rude",
                "Ihr Mitarbeiter war unfreundlich",
                "I don't need to talk to anyone, just tell me the price",
                "Where is my parcel?"
            })
    void doesNotMistakeMentionsOfPeopleForARequest(String text) {
        assertThat(humanRequests.requestsHuman(text)).isFalse();
    }

    @Test
    void detectsTheLanguageOfEachMessage() {
        assertThat(nlu.understand("Wo ist mein Paket?", null).language()).isEqualTo("de");
        assertThat(nlu.understand("Where is my parcel?", "de").language()).isEqualTo("en");
        assertThat(nlu.understand("ok", "de").language())
                .as("too short: the conversation decides")
                .isEqualTo("de");
    }

    @Test
    void flagsWhatTheCatalogueDoesNotCoverInsteadOfForcingAnIntent() {
        Understanding weather = nlu.understand("xylophone quartet symphony", null);
        assertThat(weather.outOfScope()).isTrue();
        assertThat(weather.intent().name()).isEqualTo(Understanding.OUT_OF_SCOPE);

        Understanding order = nlu.understand("Wo bleibt meine Bestellung?", null);
        assertThat(order.outOfScope()).isFalse();
        assertThat(order.intent().name()).isEqualTo("order_status");
    }

    @Test
    void scoresSentimentWithNegationAndCues() {
        assertThat(nlu.understand("Das ist nicht gut, ich bin sehr enttäuscht", null)
                        .sentiment()
                        .label())
                .isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(nlu.understand("Thanks, that was really helpful!", null)
                        .sentiment()
                        .label())
                .isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(nlu.understand("THIS IS THE THIRD TIME I WRITE, YOU IDIOTS", null)
                        .cues())
                .contains(MessageCues.Cue.SHOUTING, MessageCues.Cue.INSULT, MessageCues.Cue.RECURRENCE);
        assertThat(nlu.understand("das hat mir nicht geholfen", null).cues()).contains(MessageCues.Cue.REJECTION);
    }

    @Test
    void givesASensibleAnalysisOfOddInput() {
        assertThat(nlu.understand("😡😡😡", "en").sentiment().label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(nlu.understand("😡😡😡", "en").outOfScope()).isTrue();
        assertThat(nlu.understand("x".repeat(100_000), null).intent()).isNotNull();
    }

    @Test
    void acceptsJsonLinesAndArraysAndRejectsABrokenCatalogueWithEveryReason() {
        Catalogue lines =
                Catalogue.parse("{\"text\":\"hi\",\"intent\":\"greet\"}\n{\"text\":\"bye\",\"intent\":\"bye\"}");
        Catalogue array = Catalogue.parse("[{\"text\":\"hi\",\"intent\":\"greet\",\"language\":\"en\"},"
                + "{\"text\":\"bye\",\"intent\":\"bye\"}]");
        assertThat(lines.phrases()).hasSize(2);
        assertThat(array.phrasesPerLanguage()).containsEntry("en", 1).containsEntry("unspecified", 1);

        assertThatThrownBy(() -> Catalogue.parse("{\"text\":\"\",\"intent\":\"a\"}\nnot json\n"
                        + "{\"text\":\"x\",\"intent\":\"b\",\"language\":\"fr\"}"))
                .isInstanceOfSatisfying(
                        InvalidCatalogueException.class,
                        e -> assertThat(e.problems())
                                .hasSize(3)
                                .anySatisfy(p -> assertThat(p).contains("line 1: text is required"))
                                .anySatisfy(p -> assertThat(p).contains("line 2 is not valid JSON"))
                                .anySatisfy(p -> assertThat(p).contains("'fr' is not supported")));
        assertThatThrownBy(() -> Catalogue.parse("{\"text\":\"hi\",\"intent\":\"only\"}"))
                .hasMessageContaining("at least two intents");
    }

    @Test
    void intentNamesAreAnyPrintableTextUpTo200Characters() {
        Catalogue banking =
                Catalogue.parse("{\"text\":\"my card payment was reverted\",\"intent\":\"reverted_card_payment?\"}\n"
                        + "{\"text\":\"Karte weg\",\"intent\":\"Karte verloren / gestohlen (Sperre!)\"}\n"
                        + "{\"text\":\"x\",\"intent\":\"" + "i".repeat(200) + "\"}");
        assertThat(banking.phrasesPerIntent())
                .containsKeys("reverted_card_payment?", "Karte verloren / gestohlen (Sperre!)", "i".repeat(200));

        LinearNlu fresh = fresh();
        fresh.replaceCatalogue(banking);
        assertThat(fresh.understand("my card payment got reverted", "en")
                        .intent()
                        .name())
                .isEqualTo("reverted_card_payment?");

        assertThatThrownBy(() -> Catalogue.parse("{\"text\":\"a\",\"intent\":\"" + "i".repeat(201) + "\"}\n"
                        + "{\"text\":\"b\",\"intent\":\"tab\\tinside\"}\n{\"text\":\"c\",\"intent\":\"ok\"}"))
                .isInstanceOfSatisfying(
                        InvalidCatalogueException.class,
                        e -> assertThat(e.problems())
                                .hasSize(2)
                                .allSatisfy(p -> assertThat(p).contains("1 to 200 printable characters")));
    }

    @Test
    void aLargeCatalogueEmbedsAnEqualShareOfEachIntentWithinTheBudget() {
        List<TrainingPhrase> phrases = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            phrases.add(new TrainingPhrase("big " + i, "big", "en"));
        }
        for (int i = 0; i < 30; i++) {
            phrases.add(new TrainingPhrase("small " + i, "small", "en"));
        }

        List<Integer> sample = LinearNlu.sampleForEmbedding(phrases, 300, 1_000);

        assertThat(sample).hasSize(300).doesNotHaveDuplicates().isSorted();
        assertThat(sample.stream().filter(i -> phrases.get(i).intent().equals("small")))
                .as("an intent with fewer phrases than its share keeps them all")
                .hasSize(30);
        assertThat(LinearNlu.sampleForEmbedding(phrases.subList(0, 200), 300, 1_000))
                .hasSize(200);
        List<Integer> capped = LinearNlu.sampleForEmbedding(phrases, 16_000, 100);
        assertThat(capped.stream().filter(i -> phrases.get(i).intent().equals("big")))
                .as("within the budget, an intent is still capped")
                .hasSize(100);
        assertThat(capped).hasSize(130);
    }

    @Test
    void aNewCatalogueReplacesTheIntents() {
        LinearNlu fresh = fresh();
        fresh.replaceCatalogue(new Catalogue(List.of(
                new TrainingPhrase("book a table for two", "restaurant_booking", "en"),
                new TrainingPhrase("reserve a table tonight", "restaurant_booking", "en"),
                new TrainingPhrase("what's on the menu", "menu", "en"),
                new TrainingPhrase("do you have vegan dishes", "menu", "en"))));

        assertThat(fresh.understand("can I book a table tonight", null).intent().name())
                .isEqualTo("restaurant_booking");
    }

    @Test
    void calibratesTheOutOfScopeThresholdOnEachCatalogueAndLanguage() {
        LinearNlu fresh = fresh();
        TrainingReport report = fresh.replaceCatalogue(Catalogue.parse(Resources.read("nlu/catalogue.jsonl")));

        assertThat(report.embeddingModel()).isEqualTo("ALL_MINILM_L6_V2_Q");
        assertThat(report.outOfScopeThresholds()).containsOnlyKeys("de", "en");
        assertThat(report.outOfScopeThresholds().values())
                .allSatisfy(threshold -> assertThat(threshold).isBetween(0.0, 1.0));
        assertThat(fresh.understand("what is the capital of australia", null).outOfScope())
                .isTrue();
        assertThat(fresh.understand("how do I bake a chocolate cake", null).outOfScope())
                .isTrue();
        assertThat(fresh.understand("my parcel never arrived", null).intent().name())
                .isEqualTo("delivery_problem");
    }

    @Test
    void anExplicitOutOfScopeIntentIsARejectClassNotAnIntent() {
        LinearNlu fresh = fresh();
        fresh.replaceCatalogue(new Catalogue(List.of(
                new TrainingPhrase("book a table for two", "restaurant_booking", "en"),
                new TrainingPhrase("reserve a table tonight", "restaurant_booking", "en"),
                new TrainingPhrase("what's on the menu", "menu", "en"),
                new TrainingPhrase("do you have vegan dishes", "menu", "en"),
                new TrainingPhrase("what's the weather tomorrow", "oos", "en"),
                new TrainingPhrase("will it rain this weekend", "oos", "en"))));

        Understanding weather = fresh.understand("is it going to rain tomorrow", null);
        assertThat(weather.outOfScope()).isTrue();
        assertThat(weather.intent().name()).isEqualTo(Understanding.OUT_OF_SCOPE);
        assertThat(weather.alternatives()).extracting(Intent::name).doesNotContain("oos");
    }

    @Test
    void keepsServingTheCatalogueInUseWhileANewOneTrains() throws Exception {
        LinearNlu serving = fresh();
        serving.replaceCatalogue(Catalogue.parse(Resources.read("nlu/catalogue.jsonl")));
        List<TrainingPhrase> phrases = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            phrases.add(new TrainingPhrase("book table number " + i, "restaurant_booking", "en"));
            phrases.add(new TrainingPhrase("show the menu page " + i, "menu", "en"));
        }
        CompletableFuture<TrainingReport> training =
                CompletableFuture.supplyAsync(() -> serving.replaceCatalogue(new Catalogue(phrases)));

        List<String> seen = new ArrayList<>();
        do {
            seen.add(serving.understand("Wo bleibt meine Bestellung?", null)
                    .intent()
                    .name());
        } while (!training.isDone());
        assertThat(training.get().phrases()).isEqualTo(800);
        String afterwards =
                serving.understand("Wo bleibt meine Bestellung?", null).intent().name();
        assertThat(seen)
                .as("every analysis during training comes whole from the old catalogue or the new one")
                .allSatisfy(intent -> assertThat(intent).isIn("order_status", afterwards));
        assertThat(seen.get(0)).isEqualTo("order_status");
        assertThat(serving.understand("book table number 12", null).intent().name())
                .isEqualTo("restaurant_booking");
    }
}
