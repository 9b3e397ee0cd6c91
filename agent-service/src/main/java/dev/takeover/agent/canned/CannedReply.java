package dev.takeover.agent.canned;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.common.domain.Refused;

/**
 * A reply agents use often, in one language, found by its shortcut ({@code /hello}). {@code {customer}} and
 * {@code {agent}} in its text stand for the customer's and the agent's names.
 */
@Entity
@Table(name = "canned_reply")
public class CannedReply extends PanacheEntityBase {

    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    static final Pattern SHORTCUT = Pattern.compile("[a-z0-9äöüß][a-z0-9äöüß_-]{0,31}");
    static final int TITLE_LENGTH = 80;
    static final int TEXT_LENGTH = 2000;

    @Id
    @Column(name = "reply_id")
    public String replyId;

    public String language;

    public String shortcut;

    public String title;

    public String text;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    static CannedReply write(String language, String shortcut, String title, String text, String by, Instant now) {
        CannedReply reply = new CannedReply();
        reply.replyId = UUID.randomUUID().toString();
        reply.change(language, shortcut, title, text, by, now);
        return reply;
    }

    /** A leading slash in the shortcut is the way agents type it, not part of it. */
    void change(String newLanguage, String newShortcut, String newTitle, String newText, String by, Instant now) {
        String lang = required(newLanguage, "language").toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(lang).matches()) {
            throw Refused.invalid("language must be a language code such as de or en");
        }
        String cut = required(newShortcut, "shortcut").toLowerCase(Locale.ROOT);
        cut = cut.startsWith("/") ? cut.substring(1) : cut;
        if (!SHORTCUT.matcher(cut).matches()) {
            throw Refused.invalid("shortcut must be 1 to 32 letters, digits, - or _, starting with a letter or digit");
        }
        String body = required(newText, "text");
        if (body.length() > TEXT_LENGTH) {
            throw Refused.invalid("text must be at most " + TEXT_LENGTH + " characters");
        }
        String heading = newTitle == null || newTitle.isBlank() ? cut : newTitle.strip();
        if (heading.length() > TITLE_LENGTH) {
            throw Refused.invalid("title must be at most " + TITLE_LENGTH + " characters");
        }
        language = lang;
        shortcut = cut;
        title = heading;
        text = body.strip();
        updatedAt = now;
        updatedBy = by;
    }

    static List<CannedReply> catalogue(String language) {
        return language == null || language.isBlank()
                ? list("order by language, shortcut")
                : list("language = ?1 order by shortcut", language.toLowerCase(Locale.ROOT));
    }

    static boolean shortcutTaken(String language, String shortcut, String exceptId) {
        return count(
                        "language = ?1 and shortcut = ?2 and replyId <> ?3",
                        language,
                        shortcut,
                        exceptId == null ? "" : exceptId)
                > 0;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Refused.invalid(field + " is required");
        }
        return value.strip();
    }
}
