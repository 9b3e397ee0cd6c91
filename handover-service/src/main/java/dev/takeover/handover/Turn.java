package dev.takeover.handover;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.handover.policy.PolicyInput;

/**
 * One customer message, assembled from its text and its analysis in whichever order they arrive. Its sequence number
 * is the order the service learnt of it, which is the order the policy reads the conversation in.
 */
@Entity
@Table(name = "turn")
public class Turn extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "message_id")
    public String messageId;

    public String text;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "seen_at")
    public Instant seenAt;

    public boolean analysed;

    public String language;
    public String intent;
    public Double confidence;
    public Double sentiment;
    public Double frustration;

    @Column(name = "human_requested")
    public Boolean humanRequested;

    @Column(name = "out_of_scope")
    public Boolean outOfScope;

    @Column(name = "failed_clarification")
    public Boolean failedClarification;

    @Column(name = "answer_rejected")
    public Boolean answerRejected;

    @Column(name = "after_bot_purpose")
    public String afterBotPurpose;

    @Column(name = "critical_kind")
    public String criticalKind;

    @Column(name = "critical_confidence")
    public Double criticalConfidence;

    /** The customer's words that show the critical issue, comma-separated. */
    @Column(name = "critical_evidence")
    public String criticalEvidence;

    /** The message's turn with its text, created if the analysis has not come first. */
    static Turn withText(Optional<Turn> known, String conversationId, InboundMessage message, Instant now) {
        Turn turn = known.orElseGet(() -> of(conversationId, message.messageId(), now));
        turn.noteText(message);
        return turn.kept();
    }

    /** The message's turn with its analysis, created if the text has not come first. */
    static Turn withAnalysis(
            Optional<Turn> known, String conversationId, MessageAnalyzed analysis, String lastBotPurpose, Instant now) {
        Turn turn = known.orElseGet(() -> of(conversationId, analysis.messageId(), now));
        turn.noteAnalysis(analysis, lastBotPurpose);
        return turn.kept();
    }

    private static Turn of(String conversationId, String messageId, Instant now) {
        Turn turn = new Turn();
        turn.conversationId = conversationId;
        turn.messageId = messageId;
        turn.seenAt = now;
        return turn;
    }

    static Optional<Turn> known(String conversationId, String messageId) {
        return find("conversationId = ?1 and messageId = ?2", conversationId, messageId)
                .firstResultOptional();
    }

    /** The turns of these messages that the service has heard of, in one query. */
    @SuppressWarnings("unchecked")
    static List<Turn> ofMessages(Collection<String> conversationIds, Collection<String> messageIds) {
        return getEntityManager()
                .createNativeQuery(OF_MESSAGES, Turn.class)
                .setParameter("conversations", conversationIds.toArray(String[]::new))
                .setParameter("messages", messageIds.toArray(String[]::new))
                .getResultList();
    }

    // Array parameters, not in-lists, which Hibernate would translate again on every call.
    private static final String OF_MESSAGES = """
            select * from turn
            where conversation_id = any(cast(:conversations as text[])) and message_id = any(cast(:messages as text[]))
            """;

    private void noteText(InboundMessage message) {
        text = message.text();
        sentAt = message.sentAt();
    }

    private void noteAnalysis(MessageAnalyzed analysis, String lastBotPurpose) {
        analysed = true;
        language = analysis.language();
        intent = analysis.intent().name();
        confidence = analysis.intent().confidence();
        sentiment = analysis.sentiment().score();
        frustration = analysis.frustration();
        humanRequested = analysis.humanRequested();
        outOfScope = analysis.outOfScope();
        failedClarification = analysis.failedClarification();
        answerRejected = analysis.rejectedTheBot();
        afterBotPurpose = lastBotPurpose;
        if (analysis.reportsCriticalIssue()) {
            criticalKind = analysis.critical().kind();
            criticalConfidence = analysis.critical().confidence();
            criticalEvidence = String.join(",", analysis.critical().evidence());
        }
    }

    /** A new turn is inserted once, complete (its sequence number is generated then), instead of inserted and updated. */
    private Turn kept() {
        if (seq == null) {
            persist();
        }
        return this;
    }

    /** Enough history for any rule's window; a long conversation costs no more than this per message. */
    static final int WINDOW_LIMIT = 50;

    /**
     * The latest analysed turns the policy may still act on, at most {@link #WINDOW_LIMIT} of each of these
     * conversations, in one query, in no order.
     */
    @SuppressWarnings("unchecked")
    static List<Turn> inWindows(Collection<String> conversationIds) {
        return getEntityManager()
                .createNativeQuery(WINDOWS, Turn.class)
                .setParameter("ids", conversationIds.toArray(String[]::new))
                .setParameter("limit", WINDOW_LIMIT)
                .getResultList();
    }

    private static final String WINDOWS = """
            select t.* from conversation c cross join lateral (
                select * from turn where conversation_id = c.conversation_id and analysed and seq > c.window_start_seq
                order by seq desc limit :limit) t
            where c.conversation_id = any(cast(:ids as text[]))
            """;

    /** Whether the policy may still act on it. */
    boolean inWindowOf(Conversation conversation) {
        return analysed && seq != null && seq > conversation.windowStartSeq;
    }

    static List<Turn> ofConversation(String conversationId) {
        return list("conversationId = ?1 order by seq", conversationId);
    }

    static long lastSeq(String conversationId) {
        Long last = find("select max(seq) from Turn where conversationId = ?1", conversationId)
                .project(Long.class)
                .firstResult();
        return last == null ? 0 : last;
    }

    PolicyInput.Turn view() {
        return new PolicyInput.Turn(
                messageId,
                seenAt,
                intent,
                confidence == null ? 0 : confidence,
                sentiment == null ? 0 : sentiment,
                frustration == null ? 0 : frustration,
                Boolean.TRUE.equals(humanRequested),
                Boolean.TRUE.equals(outOfScope),
                Boolean.TRUE.equals(failedClarification),
                Boolean.TRUE.equals(answerRejected),
                afterBotPurpose,
                criticalKind == null
                        ? null
                        : new MessageAnalyzed.Critical(
                                criticalKind,
                                criticalConfidence == null ? 0 : criticalConfidence,
                                criticalEvidence == null || criticalEvidence.isEmpty()
                                        ? List.of()
                                        : List.of(criticalEvidence.split(","))));
    }
}
