package dev.takeover.bot;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.bot.dialogue.CustomerData.Field;
import dev.takeover.bot.dialogue.Dialogue.Purpose;
import dev.takeover.bot.nlu.Understanding;
import dev.takeover.common.consuming.ConversationLocks;
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

    @Id
    @Column(name = "conversation_id")
    private String conversationId;

    private String channel;
    private String language;

    @Column(name = "customer_id")
    private String customerId;

    @Column(name = "customer_name")
    private String customerName;

    @Column(name = "customer_number")
    private String customerNumber;

    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "control_state")
    private ControlState controlState = ControlState.BOT;

    @Column(name = "control_changed_at")
    private Instant controlChangedAt;

    @Enumerated(EnumType.STRING)
    private Awaiting awaiting = Awaiting.NOTHING;

    @Column(name = "awaiting_attempts")
    private int awaitingAttempts;

    @Column(name = "clarification_options")
    private String clarificationOptions;

    @Column(name = "pending_intent")
    private String pendingIntent;

    @Column(name = "consecutive_failures")
    private int consecutiveFailures;

    @Column(name = "last_bot_purpose")
    private String lastBotPurpose;

    private double frustration;

    /** Hashed words of the last messages, to notice a customer repeating themselves without keeping their text. */
    @Column(name = "recent_fingerprints")
    private String recentFingerprints;

    @Column(name = "survey_score")
    private Integer surveyScore;

    /** The handover in which a person last served the customer; null while only the bot has. */
    @Column(name = "last_handover_id")
    private String lastHandoverId;

    /** Whether the bot has asked for a rating in this conversation. */
    private boolean surveyed;

    /** Whom the rating the bot asked for is about: the agent of this handover, or the bot when null. */
    @Column(name = "survey_handover_id")
    private String surveyHandoverId;

    /**
     * The conversation, created on first contact. The consumers call this with their batch's conversations locked
     * ({@link ConversationLocks}), which is what keeps two instances and two topics from changing one conversation at
     * once; a lock on the row would only repeat it, at two statements a record.
     */
    public static Conversation of(String conversationId) {
        Conversation known = findById(conversationId);
        if (known != null) {
            return known;
        }
        getEntityManager()
                .createNativeQuery("insert into bot_conversation (conversation_id) values (?1) on conflict do nothing")
                .setParameter(1, conversationId)
                .executeUpdate();
        return findById(conversationId);
    }

    /**
     * The language each of these conversations spoke last, read without loading them: a batch reads them before it
     * handles its messages, and the rows it then loads must come fresh from the database.
     */
    public static Map<String, String> languages(List<String> conversationIds) {
        Map<String, String> languages = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(LANGUAGES)
                .setParameter("ids", conversationIds.toArray(String[]::new))
                .getResultList();
        rows.forEach(row -> languages.put((String) row[0], (String) row[1]));
        return languages;
    }

    // An array parameter, not an in-list: Hibernate translates a query with a list parameter again on every call.
    private static final String LANGUAGES = "select conversation_id, language from bot_conversation"
            + " where conversation_id = any(cast(:ids as text[])) and language is not null";

    public static Optional<Conversation> peek(String conversationId) {
        return Optional.ofNullable(findById(conversationId));
    }

    public String conversationId() {
        return conversationId;
    }

    public String channel() {
        return channel;
    }

    /** The language the customer spoke last; null before their first message. */
    public String language() {
        return language;
    }

    public double frustration() {
        return frustration;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** The channel the customer last wrote on. */
    public void cameThrough(String channel) {
        this.channel = channel;
    }

    /** The bot can only write to a customer whose channel it knows. */
    public boolean reachable() {
        return channel != null;
    }

    /** The channel's own id of the customer; true when it is new. */
    public boolean identifiedAs(String customerId) {
        if (customerId == null || customerId.equals(this.customerId)) {
            return false;
        }
        this.customerId = customerId;
        return true;
    }

    /** The customer's message was understood in this language. */
    public void spoke(String language) {
        this.language = language;
    }

    /** How frustrated the customer is now, after this message, given what came before; remembered for the next. */
    public Frustration.Assessment assessFrustration(Understanding understanding, boolean repeated) {
        Frustration.Assessment assessment =
                Frustration.assess(understanding, frustration, repeated, consecutiveFailures);
        frustration = assessment.score();
        return assessment;
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

    public Awaiting awaiting() {
        return awaiting;
    }

    public boolean isAwaiting(Awaiting what) {
        return awaiting == what;
    }

    /** The bot asked for the customer number or the e-mail address and waits for it. */
    public boolean awaitingData() {
        return awaiting == Awaiting.CUSTOMER_NUMBER || awaiting == Awaiting.EMAIL;
    }

    /** What the bot asked for, or null when it asked for nothing the customer could tell it. */
    public Field awaitedField() {
        return switch (awaiting) {
            case CUSTOMER_NUMBER -> Field.CUSTOMER_NUMBER;
            case EMAIL -> Field.EMAIL;
            default -> null;
        };
    }

    /** Whether the bot may ask once more for what it awaits, having asked again at most {@code limit} times. */
    public boolean mayAskAgain(int limit) {
        return awaitingAttempts < limit;
    }

    public void askedAgain() {
        awaitingAttempts++;
    }

    /** The bot asks for what it needs before it can answer {@code intent}, and answers once it has it. */
    public void collectBeforeAnswering(Field required, String intent) {
        awaitNothing();
        await(required == Field.EMAIL ? Awaiting.EMAIL : Awaiting.CUSTOMER_NUMBER);
        pendingIntent = intent;
    }

    /** The intent the bot will answer once it has what it asked for; null when it asked for nothing on the way. */
    public String pendingIntent() {
        return pendingIntent;
    }

    /** The bot asks which of two topics the customer meant. */
    public void askToChoose(String first, String second) {
        await(Awaiting.CLARIFICATION);
        clarificationOptions = first + "," + second;
    }

    /** The bot could not help with the last message. */
    public void botFailed() {
        consecutiveFailures++;
    }

    /** The bot answered the last message. */
    public void botAnswered() {
        consecutiveFailures = 0;
    }

    public void botSaid(Purpose purpose) {
        lastBotPurpose = purpose.name();
    }

    /** Whether the bot has written to the customer yet. */
    public boolean botHasSpoken() {
        return lastBotPurpose != null;
    }

    public boolean botLastSaid(Purpose purpose) {
        return purpose.name().equals(lastBotPurpose);
    }

    public boolean surveyed() {
        return surveyed;
    }

    /** Whom the rating the bot asked for is about: the agent of this handover, or the bot when null. */
    public String surveyHandoverId() {
        return surveyHandoverId;
    }

    /** The customer's score; null when they answered in words. */
    public void rated(Integer score) {
        surveyScore = score;
    }

    public Integer surveyScore() {
        return surveyScore;
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
        RecentMessages.Heard heard = RecentMessages.hear(recentFingerprints, text);
        recentFingerprints = heard.remembered();
        return heard.repeated();
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
