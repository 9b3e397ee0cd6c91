package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.takeover.bot.nlu.IntentModel.Prediction;
import dev.takeover.bot.nlu.IntentModel.Scored;
import dev.takeover.bot.nlu.MessageCues.Cue;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

/**
 * The in-process NLU: OpenNLP tells the language, a linear model trained on the catalogue the intent, and built-in
 * rules the request for a person, the sentiment and the cues. A message no intent claims, or unlike every training
 * phrase, is out of scope rather than forced into its nearest intent.
 */
public final class LinearNlu implements Nlu {

    private static final int ALTERNATIVES = 3;
    /** A request for a person whose topic is this unclear is just that: a request for a person. */
    private static final double PURE_REQUEST = 0.5;

    private final NluSettings settings;
    private final LanguageDetector languages;
    private final SentimentAnalyzer sentiments;
    private final HumanRequestDetector humanRequests = new HumanRequestDetector();
    private volatile Trained trained;

    private record Trained(Catalogue catalogue, IntentModel model) {}

    public LinearNlu(NluSettings settings, LanguageDetector languages, SentimentAnalyzer sentiments) {
        this.settings = settings;
        this.languages = languages;
        this.sentiments = sentiments;
    }

    @Override
    public Understanding understand(String text, String languageHint) {
        String analysed = beginning(text);
        String language = languages.detect(analysed, languageHint);
        boolean humanRequested = humanRequests.requestsHuman(analysed);
        Sentiment sentiment = sentiments.analyze(analysed);
        Set<Cue> cues = MessageCues.of(analysed);

        Trained current = trained;
        if (current == null) {
            throw new IllegalStateException("no catalogue has been trained yet");
        }
        Prediction prediction = current.model().predict(TextFeatures.terms(analysed, language));
        List<Intent> alternatives = new ArrayList<>(ALTERNATIVES);
        for (Scored scored : prediction.ranked()) {
            if (alternatives.size() == ALTERNATIVES) {
                break;
            }
            if (!settings.outOfScopeIntents().contains(scored.intent())) {
                alternatives.add(intent(scored.intent(), scored.probability()));
            }
        }
        Scored best = prediction.best();
        boolean outOfScope = settings.outOfScopeIntents().contains(best.intent())
                || prediction.bestRawScore() < settings.minimumScore()
                || prediction.nearestSimilarity() < settings.minimumSimilarity();
        Intent intent;
        if (humanRequested && (outOfScope || best.probability() < PURE_REQUEST)) {
            intent = intent(Understanding.HUMAN_REQUEST, 0.9);
            outOfScope = false;
        } else if (outOfScope) {
            intent = intent(Understanding.OUT_OF_SCOPE, 1 - prediction.bestRawScore());
        } else {
            intent = intent(best.intent(), best.probability());
        }
        return new Understanding(language, intent, alternatives, outOfScope, humanRequested, sentiment, cues);
    }

    @Override
    public synchronized TrainingReport replaceCatalogue(Catalogue catalogue) {
        long started = System.nanoTime();
        List<IntentModel.Example> examples = new ArrayList<>(catalogue.phrases().size());
        for (TrainingPhrase phrase : catalogue.phrases()) {
            String language = phrase.language() != null ? phrase.language() : languages.detect(phrase.text(), null);
            examples.add(new IntentModel.Example(TextFeatures.terms(phrase.text(), language), phrase.intent()));
        }
        IntentModel model = IntentModel.train(examples, settings.cost());
        trained = new Trained(catalogue, model);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new TrainingReport(
                catalogue.phrases().size(),
                catalogue.phrasesPerIntent().size(),
                catalogue.phrasesPerIntent(),
                catalogue.phrasesPerLanguage(),
                model.vocabularySize(),
                millis);
    }

    @Override
    public Catalogue catalogue() {
        Trained current = trained;
        return current == null ? new Catalogue(List.of()) : current.catalogue();
    }

    private String beginning(String text) {
        if (text.length() <= settings.maxAnalysedLength()) {
            return text;
        }
        int end = settings.maxAnalysedLength();
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end);
    }

    private static Intent intent(String name, double confidence) {
        return new Intent(name, Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000.0);
    }
}
