package dev.takeover.bot.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns a message into the terms the intent model weighs: stemmed words (Lucene's German and English stemmers), word
 * pairs, and character n-grams, which carry German compounds ("Lieferadresse") and typos that whole words miss.
 */
public final class TextFeatures {

    static final String WORD = "w:";
    static final String PAIR = "b:";
    static final String CHARS = "c:";

    private static final Analyzer GERMAN = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new GermanNormalizationFilter(stream);
            return new TokenStreamComponents(source, new GermanLightStemFilter(stream));
        }
    };
    private static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            return new TokenStreamComponents(source, new PorterStemFilter(stream));
        }
    };

    private TextFeatures() {}

    /** The terms of a text, stemmed by the rules of its language ("de" or anything else: English). */
    public static List<String> terms(String text, String language) {
        List<String> stems = stems(text, language);
        List<String> terms = new ArrayList<>(stems.size() * 12);
        String previous = "<s>";
        for (String stem : stems) {
            terms.add(WORD + stem);
            terms.add(PAIR + previous + ' ' + stem);
            previous = stem;
        }
        if (!stems.isEmpty()) {
            terms.add(PAIR + previous + " </s>");
        }
        for (String word : words(text)) {
            String padded = '<' + word + '>';
            for (int n = 3; n <= 5; n++) {
                for (int start = 0; start + n <= padded.length(); start++) {
                    terms.add(CHARS + padded.substring(start, start + n));
                }
            }
        }
        return terms;
    }

    static List<String> stems(String text, String language) {
        Analyzer analyzer = "de".equals(language) ? GERMAN : ENGLISH;
        List<String> stems = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                stems.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stems;
    }

    /** Lower-case words with German umlauts folded (ä→a, ß→ss), so spellings without umlauts meet the same terms. */
    public static List<String> words(String text) {
        String folded = fold(text);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean letter = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** Lower case, umlauts and accents folded: the form every rule list in this package is written in. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
