package dev.takeover.bot.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.takeover.bot.nlu.IntentModel.Prediction;
import dev.takeover.bot.nlu.IntentModel.Scored;
import dev.takeover.common.domain.NotReady;
import dev.takeover.events.bot.MessageAnalyzed.Intent;

/**
 * The in-process NLU: OpenNLP tells the language; two linear models trained on the catalogue tell the intent, one over
 * words and character n-grams (strong for German compounds and typos), one over sentence embeddings (strong for
 * English paraphrases), mixed per language; built-in rules tell the request for a person, the sentiment and the cues.
 * A message unlike every catalogue phrase, by a threshold calibrated on the catalogue itself, is out of scope rather
 * than forced into its nearest intent; in German, where the English embedding model separates less sharply, so is a
 * message the lexical model finds unlike every phrase.
 */
public final class LinearNlu implements Nlu {

    private static final Pattern MARKUP = Pattern.compile("<[^<>]{1,300}>");
    /** A message without a letter or digit (emoji, punctuation) names no topic, however its embedding falls. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");

    private static final int ALTERNATIVES = 3;
    /** A request for a person whose topic is this unclear is just that: a request for a person. */
    private static final double PURE_REQUEST = 0.5;
    /** Phrases embedded for the semantic model at most (evaluation/REPORT.md). */
    static final int MAX_EMBEDDED_PHRASES = 16_000;
    /**
     * And at most this many per intent: beyond it a catalogue's phrases are mostly variants of each other (a greeting,
     * a typo), which the lexical model learns from; the embedding of 50,000 phrases was 89 of 160 s (round 3).
     */
    static final int MAX_EMBEDDED_PER_INTENT = 150;

    private final NluSettings settings;
    private final LanguageDetector languages;
    private final SentenceEncoder encoder;
    private final HumanRequestDetector humanRequests = new HumanRequestDetector();
    private final BuiltInModels builtIns;
    private final ConfidenceCalibration calibration;
    private volatile Trained trained;
    private final java.util.concurrent.atomic.LongAdder understoodCount = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder embeddedCount = new java.util.concurrent.atomic.LongAdder();

    record Trained(
            Catalogue catalogue,
            String[] intents,
            IntentModel lexical,
            SemanticIndex semantic,
            Map<String, float[]> embeddings) {}

    public LinearNlu(
            NluSettings settings, LanguageDetector languages, SentimentAnalyzer sentiments, SentenceEncoder encoder) {
        this(settings, languages, sentiments, encoder, ConfidenceCalibration.NONE);
    }

    LinearNlu(
            NluSettings settings,
            LanguageDetector languages,
            SentimentAnalyzer sentiments,
            SentenceEncoder encoder,
            ConfidenceCalibration calibration) {
        this(
                settings,
                languages,
                encoder,
                BuiltInModels.load(
                        BuiltInModels.Options.defaults(),
                        sentiments,
                        encoder.model().name()),
                calibration);
    }

    LinearNlu(NluSettings settings, LanguageDetector languages, SentenceEncoder encoder, BuiltInModels builtIns) {
        this(settings, languages, encoder, builtIns, ConfidenceCalibration.NONE);
    }

    LinearNlu(
            NluSettings settings,
            LanguageDetector languages,
            SentenceEncoder encoder,
            BuiltInModels builtIns,
            ConfidenceCalibration calibration) {
        this.settings = settings;
        this.languages = languages;
        this.encoder = encoder;
        this.builtIns = builtIns;
        this.calibration = calibration;
    }

    /**
     * Per message: language (carried through the batch per conversation), terms, the lexical intent model and the
     * rules; then, in one batch, the embeddings of the messages the cheap models do not find clear; then the rest.
     */
    @Override
    public List<Understanding> understandAll(List<Utterance> utterances) {
        return evidence(utterances).stream().map(e -> decide(e, settings)).toList();
    }

    List<Evidence> evidence(List<Utterance> utterances) {
        Trained current = trained;
        if (current == null) {
            // Consumers start before the catalogue is trained at start-up: their records wait for it, never parked.
            throw new NotReady("no catalogue has been trained yet");
        }
        int n = utterances.size();
        Pending[] pending = new Pending[n];
        Map<String, String> batchLanguage = new HashMap<>();
        List<String> toEmbed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Utterance utterance = utterances.get(i);
            String text = analysable(utterance.text());
            String hint = utterance.conversationId() == null
                    ? utterance.languageHint()
                    : batchLanguage.getOrDefault(utterance.conversationId(), utterance.languageHint());
            String language = languages.detect(text, hint);
            if (utterance.conversationId() != null) {
                batchLanguage.put(utterance.conversationId(), language);
            }
            List<String> terms = TextFeatures.terms(text, language);
            Prediction lexical = current.lexical().predict(terms);
            boolean ruled = humanRequests.requestsHuman(text);
            boolean embed = !settings.cascade() || ruled || !clear(current, lexical, text, terms);
            pending[i] = new Pending(text, language, terms, lexical, ruled, embed ? toEmbed.size() : -1);
            if (embed) {
                toEmbed.add(text);
            }
        }
        float[][] embeddings = encoder.encode(toEmbed);
        embeddedCount.add(toEmbed.size());
        understoodCount.add(n);
        List<Evidence> evidence = new ArrayList<>(n);
        for (Pending message : pending) {
            float[] embedding = message.embedding() < 0 ? null : embeddings[message.embedding()];
            evidence.add(new Evidence(
                    current,
                    message,
                    embedding == null ? null : current.semantic().match(embedding),
                    builtIns.assess(message.text(), message.language(), message.terms(), embedding),
                    MessageCues.of(message.text())));
        }
        return evidence;
    }

    /**
     * What the models found in a message, before any threshold or weight decides: the same evidence decided by other
     * settings ({@link #decide}) is how they are chosen on the dev sets without embedding every message again.
     */
    record Evidence(
            Trained trained,
            Pending message,
            SemanticIndex.Match semantic,
            BuiltInModels.Assessment assessment,
            Set<MessageCues.Cue> cues) {}

    record Pending(
            String text, String language, List<String> terms, Prediction lexical, boolean ruled, int embedding) {}

    /** The cascade: the lexical models agree the message is a clear in-scope intent and nothing to escalate. */
    private boolean clear(Trained current, Prediction lexical, String text, List<String> terms) {
        return lexical.best().probability() >= settings.cascadeIntentProbability()
                && lexical.nearestSimilarity() >= settings.cascadeSimilarity()
                && !settings.outOfScopeIntents().contains(lexical.best().intent())
                && builtIns.lexicalCertainty(text, terms) >= settings.cascadeCertainty();
    }

    /** Why a message is out of scope: every rule of {@link #decide} that rejects it (none: in scope). */
    enum Rejection {
        OUT_OF_SCOPE_INTENT,
        NO_WORD,
        UNLIKE_EVERY_PHRASE,
        MINIMUM_CONFIDENCE,
        MINIMUM_SCORE,
        MINIMUM_SIMILARITY
    }

    /** The catalogue's intents by the mixed probability of both models, best first. */
    List<Scored> ranked(Evidence evidence, NluSettings settings) {
        Trained current = evidence.trained();
        Prediction lexical = evidence.message().lexical();
        SemanticIndex.Match semantic = evidence.semantic();
        double weight = semantic == null
                ? 0
                : english(evidence.message().language())
                        ? settings.englishEmbeddingWeight()
                        : settings.otherEmbeddingWeight();
        Map<String, Double> lexicalProbability = new HashMap<>();
        for (Scored scored : lexical.ranked()) {
            lexicalProbability.put(scored.intent(), scored.probability());
        }
        List<Scored> ranked = new ArrayList<>(current.intents().length);
        for (int i = 0; i < current.intents().length; i++) {
            String name = current.intents()[i];
            double semanticProbability = semantic == null ? 0 : semantic.probabilities()[i];
            ranked.add(new Scored(name, weight * semanticProbability + (1 - weight) * lexicalProbability.get(name)));
        }
        ranked.sort(Comparator.comparingDouble(Scored::probability).reversed());
        return ranked;
    }

    Set<Rejection> rejections(Evidence evidence, NluSettings settings, Scored best) {
        Trained current = evidence.trained();
        Pending message = evidence.message();
        String language = message.language();
        Prediction lexical = message.lexical();
        SemanticIndex.Match semantic = evidence.semantic();
        Set<Rejection> rejections = EnumSet.noneOf(Rejection.class);
        if (settings.outOfScopeIntents().contains(best.intent())) {
            rejections.add(Rejection.OUT_OF_SCOPE_INTENT);
        }
        if (!WORD.matcher(message.text()).find()) {
            rejections.add(Rejection.NO_WORD);
        }
        if (semantic != null
                && semantic.nearestSimilarity()
                        < current.semantic().threshold(language, settings.outOfScopeQuantile(language))
                && best.probability() < settings.unlikeConfidence()) {
            rejections.add(Rejection.UNLIKE_EVERY_PHRASE);
        }
        if (best.probability() < settings.minimumConfidence()) {
            rejections.add(Rejection.MINIMUM_CONFIDENCE);
        }
        if (lexical.bestRawScore() < settings.minimumScore(language, semantic != null)) {
            rejections.add(Rejection.MINIMUM_SCORE);
        }
        if (lexical.nearestSimilarity() < settings.minimumSimilarity(language, semantic != null)) {
            rejections.add(Rejection.MINIMUM_SIMILARITY);
        }
        return rejections;
    }

    /** The understanding of a message by these settings (the cost and the cascade's are those it was read with). */
    Understanding decide(Evidence evidence, NluSettings settings) {
        Pending message = evidence.message();
        String language = message.language();
        List<Scored> ranked = ranked(evidence, settings);

        List<Intent> alternatives = new ArrayList<>(ALTERNATIVES);
        for (Scored scored : ranked) {
            if (alternatives.size() == ALTERNATIVES) {
                break;
            }
            if (!settings.outOfScopeIntents().contains(scored.intent())) {
                alternatives.add(intent(scored.intent(), calibration.inScope(scored.probability())));
            }
        }
        Scored best = ranked.get(0);
        boolean outOfScope = !rejections(evidence, settings, best).isEmpty();

        BuiltInModels.Assessment assessment = evidence.assessment();
        boolean humanRequested =
                !humanRequests.declinesHuman(message.text()) && (message.ruled() || assessment.humanRequested());
        Intent intent;
        if (humanRequested && (outOfScope || best.probability() < PURE_REQUEST)) {
            intent = intent(Understanding.HUMAN_REQUEST, message.ruled() ? 0.95 : assessment.humanProbability());
            outOfScope = false;
        } else if (outOfScope) {
            intent = intent(Understanding.OUT_OF_SCOPE, calibration.outOfScope(1 - best.probability()));
        } else {
            intent = intent(best.intent(), calibration.inScope(best.probability()));
        }
        return new Understanding(
                language,
                intent,
                alternatives,
                outOfScope,
                humanRequested,
                assessment.sentiment(),
                evidence.cues(),
                assessment.critical());
    }

    /** Trains beside the catalogue in use, which keeps serving until the new one replaces it in one step. */
    @Override
    public synchronized TrainingReport replaceCatalogue(Catalogue catalogue) {
        long started = System.nanoTime();
        List<TrainingPhrase> phrases = catalogue.phrases();
        List<String> phraseLanguages = phrases.parallelStream()
                .map(phrase -> phrase.language() != null ? phrase.language() : languages.detect(phrase.text(), null))
                .toList();
        List<IntentModel.Example> examples = java.util.stream.IntStream.range(0, phrases.size())
                .parallel()
                .mapToObj(i -> new IntentModel.Example(
                        TextFeatures.terms(phrases.get(i).text(), phraseLanguages.get(i)),
                        phrases.get(i).intent()))
                .toList();
        IntentModel lexical = IntentModel.train(examples, settings.cost());
        String[] intents =
                phrases.stream().map(TrainingPhrase::intent).distinct().toArray(String[]::new);

        long embeddingStarted = System.nanoTime();
        List<Integer> sample = sampleForEmbedding(phrases, MAX_EMBEDDED_PHRASES, MAX_EMBEDDED_PER_INTENT);
        List<TrainingPhrase> embedded = sample.stream().map(phrases::get).toList();
        Map<String, float[]> embeddings = embed(embedded);
        long embeddingMillis = (System.nanoTime() - embeddingStarted) / 1_000_000;
        float[][] vectors = new float[embedded.size()][];
        int[] labels = new int[embedded.size()];
        List<String> embeddedLanguages = new ArrayList<>(embedded.size());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < intents.length; i++) {
            index.put(intents[i], i);
        }
        Set<Integer> outOfScopeLabels = new HashSet<>();
        settings.outOfScopeIntents().stream()
                .filter(index::containsKey)
                .forEach(name -> outOfScopeLabels.add(index.get(name)));
        for (int i = 0; i < embedded.size(); i++) {
            vectors[i] = embeddings.get(embedded.get(i).text());
            labels[i] = index.get(embedded.get(i).intent());
            embeddedLanguages.add(phraseLanguages.get(sample.get(i)));
        }
        SemanticIndex semantic = SemanticIndex.train(
                vectors, labels, intents.length, embeddedLanguages, outOfScopeLabels, settings::outOfScopeQuantile);

        trained = new Trained(catalogue, intents, lexical, semantic, embeddings);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new TrainingReport(
                phrases.size(),
                catalogue.phrasesPerIntent().size(),
                catalogue.phrasesPerIntent(),
                catalogue.phrasesPerLanguage(),
                lexical.vocabularySize(),
                millis,
                embeddingMillis,
                encoder.model().name(),
                Map.copyOf(semantic.thresholds()));
    }

    /**
     * The phrases the semantic model is trained on: at most {@code perIntent} of each intent and {@code budget} in all,
     * an equal share per intent (an intent with fewer phrases keeps them all), so a 50,000-phrase catalogue trains
     * within a minute on two cores. The lexical model always learns from every phrase.
     */
    static List<Integer> sampleForEmbedding(List<TrainingPhrase> phrases, int budget, int perIntent) {
        Map<String, List<Integer>> byIntent = new java.util.LinkedHashMap<>();
        for (int i = 0; i < phrases.size(); i++) {
            byIntent.computeIfAbsent(phrases.get(i).intent(), intent -> new ArrayList<>())
                    .add(i);
        }
        if (phrases.size() <= budget && byIntent.values().stream().allMatch(group -> group.size() <= perIntent)) {
            return java.util.stream.IntStream.range(0, phrases.size()).boxed().toList();
        }
        List<List<Integer>> groups = new ArrayList<>(byIntent.values());
        groups.sort(Comparator.comparingInt(List::size));
        List<Integer> sample = new ArrayList<>(budget);
        int left = budget;
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> group = new ArrayList<>(groups.get(g));
            int share = Math.min(perIntent, left / (groups.size() - g));
            if (group.size() > share) {
                java.util.Collections.shuffle(group, new java.util.Random(group.get(0)));
                group = group.subList(0, share);
            }
            sample.addAll(group);
            left -= group.size();
        }
        sample.sort(Comparator.naturalOrder());
        return sample;
    }

    /** Embeddings per distinct text; texts the catalogue in use already had are not embedded again. */
    private Map<String, float[]> embed(List<TrainingPhrase> phrases) {
        Trained previous = trained;
        Map<String, float[]> known = previous == null ? Map.of() : previous.embeddings();
        Map<String, float[]> embeddings = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (TrainingPhrase phrase : phrases) {
            float[] vector = known.get(phrase.text());
            if (vector != null) {
                embeddings.put(phrase.text(), vector);
            } else if (!embeddings.containsKey(phrase.text())) {
                embeddings.put(phrase.text(), null);
                missing.add(phrase.text());
            }
        }
        float[][] computed = encoder.encode(missing);
        for (int i = 0; i < missing.size(); i++) {
            embeddings.put(missing.get(i), computed[i]);
        }
        return embeddings;
    }

    /** The share of messages understood so far that needed their sentence embedding (the rest the cascade decided). */
    double embeddedShare() {
        long all = understoodCount.sum();
        return all == 0 ? 0 : (double) embeddedCount.sum() / all;
    }

    @Override
    public Catalogue catalogue() {
        Trained current = trained;
        return current == null ? new Catalogue(List.of()) : current.catalogue();
    }

    private static boolean english(String language) {
        return "en".equals(language);
    }

    /**
     * What the models read: the message without markup a customer pasted (HTML tags, a script snippet), which is not
     * language and, read as words ("onerror", "alert"), looks like a security report; and at most the configured
     * length. A message that is nothing but markup is read as it is.
     */
    private String analysable(String text) {
        String words = MARKUP.matcher(text).replaceAll(" ").strip();
        return beginning(words.isEmpty() ? text : words);
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
