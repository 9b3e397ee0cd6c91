package dev.takeover.bot.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The uncased BERT tokenizer (Hugging Face's BertNormalizer, BertPreTokenizer and WordPiece) in plain Java, read from
 * the model's {@code tokenizer.json}. A native tokenizer library can be loaded only once per JVM, which breaks a
 * service whose tests start it in more than one class loader; this one has no such limit and gives the same ids.
 */
final class WordPieceTokenizer {

    private static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocabulary;
    private final int unknown;
    private final int classification;
    private final int separator;

    WordPieceTokenizer(InputStream tokenizerJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(tokenizerJson);
        JsonNode vocab = root.path("model").path("vocab");
        if (!vocab.isObject()
                || !"WordPiece".equals(root.path("model").path("type").asText())) {
            throw new IOException("not a WordPiece tokenizer.json");
        }
        vocabulary = new HashMap<>(vocab.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> entries = vocab.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            vocabulary.put(entry.getKey(), entry.getValue().asInt());
        }
        unknown = vocabulary.get("[UNK]");
        classification = vocabulary.get("[CLS]");
        separator = vocabulary.get("[SEP]");
    }

    /** Token ids with [CLS] and [SEP], at most {@code maxTokens} of them. */
    long[] encode(String text, int maxTokens) {
        List<Integer> ids = new ArrayList<>();
        ids.add(classification);
        for (String word : words(normalise(text))) {
            if (ids.size() >= maxTokens - 1) {
                break;
            }
            wordPieces(word, ids);
        }
        int length = Math.min(ids.size(), maxTokens - 1);
        long[] encoded = new long[length + 1];
        for (int i = 0; i < length; i++) {
            encoded[i] = ids.get(i);
        }
        encoded[length] = separator;
        return encoded;
    }

    /** Control characters removed, Chinese characters spaced, lower case, accents stripped. */
    private static String normalise(String text) {
        StringBuilder cleaned = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isWhitespace(c)) {
                cleaned.append(' ');
            } else if (isChinese(c)) {
                cleaned.append(' ').appendCodePoint(c).append(' ');
            } else {
                cleaned.appendCodePoint(c);
            }
        });
        String lower = cleaned.toString().toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{Mn}+", "");
    }

    /** Split on whitespace, and every punctuation character is a word of its own. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (isWhitespace(c)) {
                flush(current, words);
            } else if (isPunctuation(c)) {
                flush(current, words);
                words.add(new String(Character.toChars(c)));
            } else {
                current.appendCodePoint(c);
            }
        });
        flush(current, words);
        return words;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    /** Greedy longest match first; a word that cannot be covered becomes one [UNK]. */
    private void wordPieces(String word, List<Integer> ids) {
        if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) {
            ids.add(unknown);
            return;
        }
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String piece = (start > 0 ? "##" : "") + word.substring(start, end);
                found = vocabulary.get(piece);
                if (found != null) {
                    break;
                }
                end = Character.isLowSurrogate(word.charAt(end - 1)) && end - 2 > start ? end - 2 : end - 1;
            }
            if (found == null) {
                ids.add(unknown);
                return;
            }
            pieces.add(found);
            start = end;
        }
        ids.addAll(pieces);
    }

    private static boolean isWhitespace(int c) {
        int type = Character.getType(c);
        return c == ' '
                || c == '\t'
                || c == '\n'
                || c == '\r'
                || type == Character.SPACE_SEPARATOR
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED;
    }

    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION
                || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F)
                || (c >= 0x2B740 && c <= 0x2B81F)
                || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
