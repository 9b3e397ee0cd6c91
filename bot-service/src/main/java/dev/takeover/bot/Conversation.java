package dev.takeover.bot;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.bot.dialogue.CustomerData.Field;
import dev.takeover.bot.nlu.TextFeatures;
import dev.takeover.events.handover.ControlState;

/**
 * What the bot knows about one conversation: who is in charge, what the customer told it (validated), what it is
 * waiting for, how its last turns went, and how frustrated the customer has been. Every change happens under a row
 * lock, because customer messages and control-state changes arrive on different topics and may be handled by
 * different instances at once.
 */
@Entity
@Table(name = "bot_conversation")
public class Conversation extends PanacheEntityBase {

    /** What the bot's last message asked the customer for. */
    public enum Awaiting {
        NOTHING,
        CLARIFICATION,
        CUSTOMER_NUMBER,
        EMAIL,
        SURVEY,
        HUMAN_OFFER
    }

    private static final int REMEMBERED_MESSAGES = 3;

    @Id
    @Column(name = "conversation_id")
    public String conversationId;

    public String channel;
    public String language;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "customer_number")
    public String customerNumber;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "control_state")
    public ControlState controlState = ControlState.BOT;

    @Column(name = "control_changed_at")
    public Instant controlChangedAt;

    @Enumerated(EnumType.STRING)
    public Awaiting awaiting = Awaiting.NOTHING;

    @Column(name = "awaiting_attempts")
    public int awaitingAttempts;

    @Column(name = "clarification_options")
    public String clarificationOptions;

    @Column(name = "pending_intent")
    public String pendingIntent;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "last_bot_purpose")
    public String lastBotPurpose;

    public double frustration;

    /** Hashed words of the last messages, to notice a customer repeating themselves without keeping their text. */
    @Column(name = "recent_fingerprints")
    public String recentFingerprints;

    @Column(name = "survey_score")
    public Integer surveyScore;

    /** The handover in which a person last served the customer; null while only the bot has. */
    @Column(name = "last_handover_id")
    public String lastHandoverId;

    /** Whether the bot has asked for a rating in this conversation. */
    public boolean surveyed;

    /** Whom the rating the bot asked for is about: the agent of this handover, or the bot when null. */
    @Column(name = "survey_handover_id")
    public String surveyHandoverId;

    /** Locks the conversation's row for this transaction, creating it on first contact. */
    public static Conversation lock(String conversationId) {
        getEntityManager()
                .createNativeQuery("insert into bot_conversation (conversation_id) values (?1) on conflict do nothing")
                .setParameter(1, conversationId)
                .executeUpdate();
        return getEntityManager().find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The language each of these conversations spoke last, read without loading them: a batch reads them before it
     * handles its messages, and the rows it then locks must come fresh from the database.
     */
    public static Map<String, String> languages(List<String> conversationIds) {
        Map<String, String> languages = new HashMap<>();
        getEntityManager()
                .createQuery(
                        "select c.conversationId, c.language from Conversation c"
                                + " where c.conversationId in :ids and c.language is not null",
                        Object[].class)
                .setParameter("ids", conversationIds)
                .getResultList()
                .forEach(row -> languages.put((String) row[0], (String) row[1]));
        return languages;
    }

    public static Optional<Conversation> peek(String conversationId) {
        return Optional.ofNullable(findById(conversationId));
    }

    /** A person is talking to the customer: the bot stays silent. */
    public boolean personInCharge() {
        return controlState.isPersonInCharge();
    }

    /** A person has been asked for and the customer is waiting: the bot only collects, it does not answer. */
    public boolean waitingForPerson() {
        return controlState == ControlState.REQUESTED || controlState == ControlState.QUEUED;
    }

    /**
     * Applies a control-state change unless a later one is already known, so a change that arrives late cannot
     * undo a newer one. Returns whether it was applied.
     */
    public boolean controlChanged(ControlState to, Instant at) {
        if (controlChangedAt != null && at.isBefore(controlChangedAt)) {
            return false;
        }
        controlState = to;
        controlChangedAt = at;
        return true;
    }

    /** A person took the conversation in this handover, whether or not the change was the latest one. */
    public void servedInHandover(String handoverId) {
        lastHandoverId = handoverId;
    }

    public boolean servedByPerson() {
        return lastHandoverId != null;
    }

    /** The bot asks how satisfied the customer is with the agent of {@code handoverId}, or with the bot when null. */
    public void askForRating(String handoverId) {
        awaitNothing();
        await(Awaiting.SURVEY);
        surveyed = true;
        surveyHandoverId = handoverId;
    }

    public String value(Field field) {
        return switch (field) {
            case CUSTOMER_NUMBER -> customerNumber;
            case EMAIL -> email;
            case NAME -> customerName;
        };
    }

    public boolean knows(Field field) {
        return value(field) != null;
    }

    /** Records a validated value; true when it is new. */
    public boolean learn(Field field, String value) {
        if (value == null || value.equals(value(field))) {
            return false;
        }
        switch (field) {
            case CUSTOMER_NUMBER -> customerNumber = value;
            case EMAIL -> email = value;
            case NAME -> customerName = value;
        }
        return true;
    }

    /** Everything collected and validated so far, as {@code bot.customer-data-collected.v1} carries it. */
    public Map<String, String> collected() {
        Map<String, String> data = new LinkedHashMap<>();
        if (customerNumber != null) {
            data.put(Field.CUSTOMER_NUMBER.key(), customerNumber);
        }
        if (email != null) {
            data.put(Field.EMAIL.key(), email);
        }
        if (customerName != null) {
            data.put(Field.NAME.key(), customerName);
        }
        if (customerId != null) {
            data.put("customerId", customerId);
        }
        return data;
    }

    public void await(Awaiting what) {
        if (awaiting != what) {
            awaitingAttempts = 0;
        }
        awaiting = what;
    }

    public void awaitNothing() {
        awaiting = Awaiting.NOTHING;
        awaitingAttempts = 0;
        clarificationOptions = null;
        pendingIntent = null;
    }

    public List<String> clarificationOptions() {
        return clarificationOptions == null ? List.of() : List.of(clarificationOptions.split(","));
    }

    /** True when the text repeats one of the last messages; then remembers it. */
    public boolean repeats(String text) {
        Set<Integer> words = fingerprint(text);
        boolean repeated = false;
        List<String> recent = recentFingerprints == null || recentFingerprints.isEmpty()
                ? List.of()
                : List.of(recentFingerprints.split("\\|"));
        if (words.size() >= 2) {
            for (String earlier : recent) {
                Set<Integer> other = Arrays.stream(earlier.split(" "))
                        .filter(s -> !s.isEmpty())
                        .map(Integer::valueOf)
                        .collect(Collectors.toSet());
                Set<Integer> shared = new HashSet<>(words);
                shared.retainAll(other);
                Set<Integer> all = new HashSet<>(words);
                all.addAll(other);
                if (!all.isEmpty() && shared.size() >= 0.6 * all.size()) {
                    repeated = true;
                }
            }
        }
        String mine = words.stream().map(String::valueOf).collect(Collectors.joining(" "));
        List<String> kept = recent.subList(Math.max(0, recent.size() - (REMEMBERED_MESSAGES - 1)), recent.size());
        recentFingerprints = kept.isEmpty() ? mine : String.join("|", kept) + "|" + mine;
        return repeated;
    }

    private static Set<Integer> fingerprint(String text) {
        return TextFeatures.words(text).stream()
                .filter(word -> word.length() >= 3)
                .map(String::hashCode)
                .collect(Collectors.toSet());
    }

    /** GDPR erasure: forget who the customer is; the analyses keep no personal data. */
    public void erase() {
        customerId = null;
        customerName = null;
        customerNumber = null;
        email = null;
        recentFingerprints = null;
        surveyScore = null;
    }
}
