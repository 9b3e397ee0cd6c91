package dev.takeover.handover.waiting;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import dev.takeover.common.texts.Texts;

/**
 * What the customer reads while the conversation changes hands, in their language, one method per notice. The words
 * are in {@code messages/notices_<language>.properties} (German and English); any other language falls back to the
 * configured default. Texts say what happens next and never leave the customer guessing.
 */
public final class NoticeTexts {

    private static final String BUNDLE = "messages/notices";

    private final Texts texts;

    private NoticeTexts(Texts texts) {
        this.texts = texts;
    }

    /** The texts in this language, or in the fallback language when we don't write it. */
    public static NoticeTexts in(String language, String fallback) {
        String wanted = language == null ? fallback : language.toLowerCase(Locale.ROOT);
        if (wanted.length() > 2) {
            wanted = wanted.substring(0, 2);
        }
        return new NoticeTexts(Texts.in(NoticeTexts.class, BUNDLE, wanted, fallback));
    }

    public static boolean writes(String language) {
        return Texts.writes(NoticeTexts.class, BUNDLE, language);
    }

    public String language() {
        return texts.language();
    }

    public String handover(String reasonCode) {
        return texts.fill("handover", "because", texts.getOrDefault("because." + reasonCode, ""));
    }

    public String queue(int position, long expectedWaitSeconds) {
        return texts.fill(
                position == 1 ? "queue.next" : "queue",
                "position",
                String.valueOf(position),
                "wait",
                expectedWait(expectedWaitSeconds));
    }

    public String stillComing() {
        return texts.get("stillComing");
    }

    public String expectedWait(long seconds) {
        if (seconds < 60) {
            return texts.get("wait.underMinute");
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes == 1) {
            return texts.get("wait.oneMinute");
        }
        if (minutes < 60) {
            return texts.fill("wait.minutes", "minutes", String.valueOf(minutes));
        }
        Duration duration = Duration.ofMinutes(minutes);
        return texts.fill(
                "wait.hours",
                "hours",
                String.valueOf(duration.toHours()),
                "minutes",
                String.valueOf(duration.toMinutesPart()));
    }

    public String agentJoined(String agentName) {
        return agentName == null || agentName.isBlank()
                ? texts.get("agentJoined.anonymous")
                : texts.fill("agentJoined", "agent", agentName);
    }

    public String outOfHours(ZonedDateTime opening) {
        return opening == null
                ? texts.fill("outOfHours.unknown", "choices", texts.get("choices"))
                : texts.fill("outOfHours", "opening", opening(opening), "choices", texts.get("choices"));
    }

    public String noAgents() {
        return texts.fill("noAgents", "choices", texts.get("choices"));
    }

    public String waitLimit() {
        return texts.fill("waitLimit", "choices", texts.get("choices"));
    }

    public String callbackConfirmed(String reference, ZonedDateTime opening) {
        return texts.fill("callbackConfirmed", "reference", reference, "when", when(opening));
    }

    public String ticketConfirmed(String reference, ZonedDateTime opening) {
        return texts.fill("ticketConfirmed", "reference", reference, "when", when(opening));
    }

    private String when(ZonedDateTime opening) {
        return opening == null ? "" : texts.fill("when.opening", "opening", opening(opening));
    }

    public String requeued() {
        return texts.get("requeued");
    }

    public String transferred() {
        return texts.get("transferred");
    }

    public String resolved() {
        return texts.get("resolved");
    }

    public String handBack(String agentName) {
        return agentName == null || agentName.isBlank()
                ? texts.get("handBack.anonymous")
                : texts.fill("handBack", "agent", agentName);
    }

    /** The operator's own words for this language if they gave some, else our general notice. */
    public String incident(Map<String, String> customerNotice) {
        String own = customerNotice.get(language());
        return own != null && !own.isBlank() ? own : texts.get("incident");
    }

    public String incidentResolved() {
        return texts.get("incidentResolved");
    }

    public String abandoned() {
        return texts.get("abandoned");
    }

    public String opening(ZonedDateTime opening) {
        return DateTimeFormatter.ofPattern(texts.get("opening.pattern"), Locale.forLanguageTag(language()))
                .format(opening);
    }
}
