package dev.takeover.bot.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells German from English, per message. OpenNLP's language model (shipped in a Maven artifact, read from the class
 * path) weighs the character n-grams; frequent function words settle the short messages it cannot, and what the
 * conversation spoke so far breaks a tie ("ok", "?", an emoji).
 */
public final class LanguageDetector {

    public static final List<String> SUPPORTED = List.of("de", "en");

    private static final Set<String> GERMAN_WORDS = Set.copyOf(List.of(
            "ich",
            "nicht",
            "und",
            "mit",
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "bitte",
            "moechte",
            "mochte",
            "der",
            "die",
            "das",
            "ist",
            "sind",
            "mein",
            "meine",
            "meinen",
            "meiner",
            "wo",
            "wie",
            "was",
            "warum",
            "wann",
            "kann",
            "koennen",
            "konnen",
            "habe",
            "hat",
            "haben",
            "noch",
            "schon",
            "kein",
            "keine",
            "keinen",
            "auf",
            "fuer",
            "fur",
            "von",
            "zu",
            "zum",
            "zur",
            "sie",
            "ihr",
            "ihre",
            "ihnen",
            "mir",
            "mich",
            "dich",
            "du",
            "danke",
            "hallo",
            "ja",
            "nein",
            "nee",
            "gibt",
            "es",
            "wird",
            "wurde",
            "bei",
            "aus",
            "auch",
            "aber",
            "oder",
            "wenn",
            "dass",
            "weil",
            "jetzt",
            "heute",
            "immer",
            "wieder",
            "mehr",
            "geht",
            "gehts",
            "tschuess",
            "servus",
            "moin",
            "guten",
            "tag",
            "morgen",
            "abend",
            "vielen",
            "dank",
            "sprechen",
            "bestellung",
            "rechnung",
            "lieferung",
            "paket",
            "passwort",
            "kuendigen",
            "mitarbeiter",
            "mensch",
            "genau",
            "stimmt",
            "richtig",
            "klar",
            "gerne",
            "doch",
            "leider",
            "sehr",
            "gut",
            "schlecht",
            "nichts",
            "alles",
            "hier",
            "dem",
            "den",
            "des",
            "im",
            "am",
            "um",
            "ueber",
            "uber",
            "nach",
            "seit",
            "waere",
            "wuerde",
            "ne",
            "nen",
            "hab",
            "bin",
            "bist",
            "sind",
            "wir",
            "uns",
            "euch",
            "euer",
            "sich",
            "man",
            "mal",
            "hilfe",
            "frage",
            "konto",
            "adresse",
            "funktioniert"));
    private static final Set<String> ENGLISH_WORDS = Set.copyOf(List.of(
            "i",
            "the",
            "a",
            "an",
            "and",
            "is",
            "are",
            "was",
            "were",
            "my",
            "me",
            "you",
            "your",
            "with",
            "to",
            "of",
            "for",
            "on",
            "in",
            "it",
            "this",
            "that",
            "what",
            "where",
            "when",
            "why",
            "how",
            "can",
            "could",
            "would",
            "should",
            "do",
            "does",
            "did",
            "not",
            "no",
            "yes",
            "yeah",
            "yep",
            "nope",
            "please",
            "thanks",
            "thank",
            "hello",
            "hi",
            "hey",
            "bye",
            "want",
            "need",
            "have",
            "has",
            "had",
            "be",
            "been",
            "still",
            "again",
            "just",
            "there",
            "here",
            "from",
            "at",
            "by",
            "or",
            "but",
            "if",
            "so",
            "get",
            "got",
            "know",
            "tell",
            "help",
            "talk",
            "speak",
            "order",
            "parcel",
            "package",
            "invoice",
            "password",
            "cancel",
            "refund",
            "agent",
            "human",
            "person",
            "am",
            "im",
            "dont",
            "cant",
            "wont",
            "didnt",
            "doesnt",
            "isnt",
            "its",
            "we",
            "our",
            "us",
            "they",
            "them",
            "will",
            "one",
            "all",
            "any",
            "some",
            "good",
            "bad",
            "very",
            "much",
            "thx",
            "sure",
            "right",
            "wrong",
            "correct",
            "exactly",
            "nothing",
            "everything",
            "account",
            "address",
            "works",
            "working"));
    private static final double WORD_WEIGHT = 1.2;
    private static final double CONTEXT_WEIGHT = 0.6;

    private final ThreadLocal<LanguageDetectorME> detectors;

    public LanguageDetector() {
        LanguageDetectorModel model = loadModel();
        this.detectors = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    private static LanguageDetectorModel loadModel() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP's language model langdetect-183.bin is not on the class path");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP's language model", e);
        }
    }

    /**
     * "de" or "en". {@code context} is the language the conversation spoke so far (or the channel's), or null; it
     * decides when the text itself does not.
     */
    public String detect(String text, String context) {
        List<String> words = TextFeatures.words(text);
        double evidence = 0;
        for (String word : words) {
            if (GERMAN_WORDS.contains(word)) {
                evidence += WORD_WEIGHT;
            }
            if (ENGLISH_WORDS.contains(word)) {
                evidence -= WORD_WEIGHT;
            }
        }
        if (text.codePoints().filter(Character::isLetter).count() >= 4) {
            evidence += characterEvidence(text);
        }
        if ("de".equals(context)) {
            evidence += CONTEXT_WEIGHT;
        } else if ("en".equals(context)) {
            evidence -= CONTEXT_WEIGHT;
        }
        if (evidence == 0 && context == null) {
            return text.matches("(?s).*[äöüÄÖÜß].*") ? "de" : "en";
        }
        return evidence > 0 ? "de" : evidence < 0 ? "en" : context;
    }

    /** The log-odds of German over English by OpenNLP's character model, bounded so it cannot drown the words. */
    private double characterEvidence(String text) {
        double german = 1e-6;
        double english = 1e-6;
        for (Language language : detectors.get().predictLanguages(text)) {
            if ("deu".equals(language.getLang())) {
                german += language.getConfidence();
            } else if ("eng".equals(language.getLang())) {
                english += language.getConfidence();
            }
        }
        return Math.max(-3, Math.min(3, Math.log(german / english)));
    }
}
