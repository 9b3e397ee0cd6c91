package dev.takeover.bot.dialogue;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Finds and validates what an agent needs in what a customer writes: a customer number, an e-mail address, a name.
 * Without a question pending it takes only what the customer names as such ("meine Kundennummer ist K-4711"); when
 * the bot asked for a value, the answer may be the bare value.
 */
public final class CustomerData {

    /** What the bot can collect, by the key it carries in {@code bot.customer-data-collected.v1}. */
    public enum Field {
        CUSTOMER_NUMBER("customerNumber"),
        EMAIL("email"),
        NAME("name");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        @JsonValue
        public String key() {
            return key;
        }

        @JsonCreator
        public static Field of(String key) {
            for (Field field : values()) {
                if (field.key.equals(key)) {
                    return field;
                }
            }
            throw new IllegalArgumentException("unknown customer data field '" + key + "'");
        }
    }

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                    + "[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])");
    private static final Pattern NAMED_NUMBER = Pattern.compile(
            "(?i)(?:kunden-?\\s?(?:nummer|nr\\.?)|kd\\.?-?\\s?nr\\.?|customer\\s?(?:number|no\\.?|id|#)|account\\s?"
                    + "(?:number|no\\.?)|client\\s?(?:number|id))\\s*(?:is|ist|lautet|:|#|=)?\\s*([A-Za-z]{0,3}[-\\s]?"
                    + "\\d[\\d\\s-]{2,14}\\d)");
    private static final Pattern CANDIDATE_NUMBER =
            Pattern.compile("(?<![\\w@.-])([A-Za-z]{0,3}[-\\s]?\\d[\\d\\s-]{2,14}\\d)" + "(?![\\w@-])");
    private static final Pattern NAME = Pattern.compile(
            "(?:my name is|i am called|this is|mein name ist|ich hei(?:ss|ß)e|hier (?:ist|schreibt))\\s+"
                    + "(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Pattern customerNumber;

    public CustomerData(String customerNumberPattern) {
        this.customerNumber = Pattern.compile(customerNumberPattern);
    }

    public Optional<String> email(String text) {
        Matcher matcher = EMAIL.matcher(text);
        return matcher.find() ? Optional.of(matcher.group().toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** {@code asked}: the bot asked for the number, so a bare number counts. */
    public Optional<String> customerNumber(String text, boolean asked) {
        Matcher named = NAMED_NUMBER.matcher(text);
        if (named.find()) {
            return valid(named.group(1));
        }
        if (!asked) {
            return Optional.empty();
        }
        Matcher candidate = CANDIDATE_NUMBER.matcher(text);
        while (candidate.find()) {
            Optional<String> valid = valid(candidate.group(1));
            if (valid.isPresent()) {
                return valid;
            }
        }
        return Optional.empty();
    }

    public Optional<String> name(String text) {
        Matcher matcher = NAME.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A customer id from the channel counts as the customer number when it has that form. */
    public Optional<String> valid(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalised = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return customerNumber.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
    }
}
