package dev.takeover.common.texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What people read, in their language, from per-language files a translator edits without touching code:
 * {@code <bundle>_<language>.properties} (UTF-8) beside the service's classes. Each service wraps a bundle in a class
 * with one typed method per text, so callers never spell a key; this is the lookup and the filling of {@code {name}}
 * placeholders they share. A language without a file falls back to the one the caller names, then to English.
 */
public final class Texts {

    private static final String LAST_RESORT = "en";
    private static final Map<String, Optional<Map<String, String>>> LOADED = new ConcurrentHashMap<>();

    private final String language;
    private final Map<String, String> texts;

    private Texts(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = texts;
    }

    /**
     * The bundle in the wanted language (a tag such as {@code de-AT} counts as {@code de}), else in the fallback.
     * {@code owner} is a class of the module that holds the files, so its class loader finds them.
     */
    public static Texts in(Class<?> owner, String bundle, String wanted, String fallback) {
        for (String language : new String[] {primary(wanted), primary(fallback), LAST_RESORT}) {
            Optional<Map<String, String>> texts = load(owner, bundle, language);
            if (texts.isPresent()) {
                return new Texts(language, texts.get());
            }
        }
        throw new IllegalStateException("no texts " + bundle + " for " + LAST_RESORT + " beside " + owner.getName());
    }

    /** Whether the bundle is written in this language (exactly: a tag such as {@code de-AT} is not). */
    public static boolean writes(Class<?> owner, String bundle, String language) {
        return language != null && load(owner, bundle, language).isPresent();
    }

    public String language() {
        return language;
    }

    public String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("no text " + key + " in " + language);
        }
        return text;
    }

    public String getOrDefault(String key, String otherwise) {
        return texts.getOrDefault(key, otherwise);
    }

    /** The text with each {@code {name}} replaced: arguments come in pairs of name and value. */
    public String fill(String key, Object... placeholders) {
        String text = get(key);
        for (int i = 0; i < placeholders.length; i += 2) {
            text = text.replace("{" + placeholders[i] + "}", String.valueOf(placeholders[i + 1]));
        }
        return text;
    }

    private static String primary(String language) {
        if (language == null || language.isBlank()) {
            return LAST_RESORT;
        }
        String lower = language.toLowerCase(Locale.ROOT);
        int separator = lower.indexOf('-') >= 0 ? lower.indexOf('-') : lower.indexOf('_');
        return separator > 0 ? lower.substring(0, separator) : lower;
    }

    private static Optional<Map<String, String>> load(Class<?> owner, String bundle, String language) {
        String path = bundle + "_" + language + ".properties";
        return LOADED.computeIfAbsent(owner.getName() + ":" + path, key -> read(owner.getClassLoader(), path));
    }

    private static Optional<Map<String, String>> read(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return Optional.of(properties.stringPropertyNames().stream()
                    .collect(Collectors.toUnmodifiableMap(name -> name, properties::getProperty)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
