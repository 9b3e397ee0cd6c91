package dev.takeover.transcript.privacy;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Personal data recognisable in free text. Each kind finds candidates with a pattern and confirms them with what the
 * data must satisfy (a checksum, a digit count), so order numbers and dates are not taken for cards and phones.
 */
public enum PiiKind {
    EMAIL("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}"),
    IBAN("(?i)\\b[A-Z]{2}\\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)\\b"),
    CARD("(?<![\\w-])\\d(?:[ -]?\\d){12,18}(?![\\w-])"),
    PHONE("(?<![\\w+])(?:\\+|\\()?\\d[\\d ()./-]{5,}\\d(?!\\w)");

    private static final Pattern DATE =
            Pattern.compile("\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}");
    private static final Pattern NORTH_AMERICAN = Pattern.compile("\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]\\d{4}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private final Pattern pattern;

    PiiKind(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    Pattern pattern() {
        return pattern;
    }

    public String placeholder() {
        return "[" + name() + "]";
    }

    /** The part of a candidate that really is this kind of data, or null. */
    String confirm(String candidate) {
        return switch (this) {
            case EMAIL -> candidate;
            case IBAN -> confirmIban(candidate);
            case CARD -> luhnValid(digits(candidate)) ? candidate : null;
            case PHONE -> isPhone(candidate) ? candidate : null;
        };
    }

    /** A grouped IBAN may be followed by a short word the pattern took for its last group. */
    private static String confirmIban(String candidate) {
        if (ibanValid(candidate)) {
            return candidate;
        }
        int lastGroup = candidate.lastIndexOf(' ');
        return lastGroup > 0 && ibanValid(candidate.substring(0, lastGroup)) ? candidate.substring(0, lastGroup) : null;
    }

    static boolean ibanValid(String candidate) {
        String iban = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    static boolean luhnValid(String digits) {
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** International (+ or 00), national (a leading 0 or an area code in brackets), or North American format. */
    private static boolean isPhone(String candidate) {
        int digitCount = digits(candidate).length();
        if (digitCount < 7 || digitCount > 15 || DATE.matcher(candidate).matches()) {
            return false;
        }
        char first = candidate.charAt(0);
        return first == '+'
                || first == '('
                || first == '0'
                || NORTH_AMERICAN.matcher(candidate).matches();
    }

    private static String digits(String candidate) {
        return candidate.replaceAll("\\D", "");
    }
}
