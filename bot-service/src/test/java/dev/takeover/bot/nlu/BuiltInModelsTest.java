package dev.takeover.bot.nlu;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.takeover.bot.dialogue.Resources;
import dev.takeover.events.bot.MessageAnalyzed.Critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue-independent models: requests for a person, critical issues, whatever catalogue is loaded. */
class BuiltInModelsTest {

    private static SentenceEncoder encoder;
    private static LinearNlu nlu;

    @BeforeAll
    static void train() {
        encoder = new SentenceEncoder(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q, 2);
        nlu = new LinearNlu(NluSettings.defaults(), new LanguageDetector(), new SentimentAnalyzer(), encoder);
        // a catalogue that knows nothing of outages, people or payments
        nlu.replaceCatalogue(new Catalogue(List.of(
                new TrainingPhrase("book a table for two", "restaurant_booking", "en"),
                new TrainingPhrase("reserve a table tonight", "restaurant_booking", "en"),
                new TrainingPhrase("einen Tisch für zwei reservieren", "restaurant_booking", "de"),
                new TrainingPhrase("what's on the menu", "menu", "en"),
                new TrainingPhrase("was gibt es auf der Karte", "menu", "de"))));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void theShippedEmbeddingCacheCoversEveryTrainingText() {
        EmbeddingCache cache = EmbeddingCache.load(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q.name());
        assertThat(cache.size())
                .as("regenerate nlu/builtin/embeddings.bin.gz with BuiltInEmbeddings after changing the training data")
                .isEqualTo(BuiltInEmbeddings.texts().size());
    }

    @Test
    void theShippedModelsWereTrainedFromTheCurrentTrainingData() {
        BuiltInModels.Shipped shipped = BuiltInModels.shipped();

        assertThat(shipped.fingerprint())
                .as("retrain nlu/builtin/models.bin.gz (-Ptrain-builtin) after changing the training data or options")
                .isEqualTo(BuiltInModels.fingerprint(
                        BuiltInModels.Options.defaults(), SentenceEncoder.Model.ALL_MINILM_L6_V2_Q.name()));
        assertThat(shipped.embeddingModel()).isEqualTo(encoder.model().name());
    }

    @Test
    void modelsTrainedForAnotherEmbeddingModelAreRefused() {
        assertThatThrownBy(() -> BuiltInModels.load(
                        BuiltInModels.Options.defaults(),
                        new SentimentAnalyzer(),
                        SentenceEncoder.Model.BGE_SMALL_EN_V15_Q.name()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("retrain");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Euer Server ist komplett ausgefallen und wir kommen seit einer Stunde nicht mehr an unsere Daten!",
                "Your service is down, we cannot access any of our data",
                "someone hacked my account and changed my email",
                "auf meiner Karte sind Abbuchungen, die ich nie gemacht habe"
            })
    void recognisesCriticalIssuesWhateverTheCatalogue(String text) {
        Critical critical = nlu.understand(text, null).critical();

        assertThat(critical).isNotNull();
        assertThat(critical.confidence()).isBetween(0.1, 1.0);
        assertThat(critical.evidence()).isNotEmpty();
    }

    @Test
    void namesTheKindOfCriticalIssueAndItsEvidence() {
        Critical outage = nlu.understand("the whole platform is offline since this morning", null)
                .critical();
        Critical payment = nlu.understand("there is a payment on my card I never authorised", null)
                .critical();

        assertThat(outage.kind()).isEqualTo("SERVICE_OUTAGE");
        assertThat(outage.evidence()).contains("offline");
        assertThat(payment.kind()).isEqualTo("UNAUTHORISED_PAYMENT");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "when is the next planned maintenance?",
                "how do I download a backup?",
                "wann ist die nächste geplante Wartung?",
                "how do I change my password",
                "book a table for two"
            })
    void routineQuestionsOnTheSameTopicsAreNotCritical(String text) {
        assertThat(nlu.understand(text, null).critical()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "how would I get hold of somebody at your company?",
                "I'd like to speak to your manager",
                "I'd rather not give my details to a machine",
                "for things like loans I'd rather talk to a person",
                "lass mich mit dem chef reden",
                "hol mir mal wen",
                "ich red lieber mit nem menschen"
            })
    void recognisesRequestsForAPersonTheRulesDoNotKnow(String text) {
        assertThat(nlu.understand(text, null).humanRequested()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what are your opening hours",
                "my manager asked me to order this",
                "I don't need a human, just tell me the price",
                "ich brauche keinen Menschen, sagen Sie mir nur den Preis"
            })
    void mentionsOfPeopleAreNotRequests(String text) {
        assertThat(nlu.understand(text, null).humanRequested()).isFalse();
    }

    @Test
    void aBatchIsUnderstoodAsEachMessageAloneAndCarriesAConversationsLanguage() {
        List<String> texts = List.of("Wo bleibt meine Bestellung?", "I want to talk to a human", "menu", "ok");
        List<Understanding> one =
                texts.stream().map(text -> nlu.understand(text, null)).toList();
        List<Understanding> batch = nlu.understandAll(List.of(
                new Nlu.Utterance(texts.get(0), null, "c1"),
                new Nlu.Utterance(texts.get(1), null, "c2"),
                new Nlu.Utterance(texts.get(2), null, "c2"),
                new Nlu.Utterance(texts.get(3), "en", "c1")));

        assertThat(batch)
                .extracting(Understanding::humanRequested)
                .containsExactlyElementsOf(
                        one.stream().map(Understanding::humanRequested).toList());
        assertThat(batch.get(0).intent().name()).isEqualTo(one.get(0).intent().name());
        assertThat(batch.get(0).intent().confidence())
                .as("padding in a batch changes the embedding only in its last digits")
                .isCloseTo(one.get(0).intent().confidence(), org.assertj.core.data.Offset.offset(0.02));
        assertThat(batch.get(3).language())
                .as("'ok' follows the German message of its conversation, not the channel's stale hint")
                .isEqualTo("de");
    }

    @Test
    void theDefaultCatalogueStillRecognisesSmallTalk() {
        LinearNlu shop =
                new LinearNlu(NluSettings.defaults(), new LanguageDetector(), new SentimentAnalyzer(), encoder);
        shop.replaceCatalogue(Catalogue.parse(Resources.read("nlu/catalogue.jsonl")));

        assertThat(shop.understand("thank you very much", null).intent().name()).isEqualTo("thanks");
        assertThat(shop.understand("tschüss", null).intent().name()).isEqualTo("goodbye");
        assertThat(shop.understand("ja bitte", null).intent().name()).isEqualTo("affirm");
    }
}
