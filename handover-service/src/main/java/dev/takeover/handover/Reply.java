package dev.takeover.handover;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.events.conversation.MessageSent;
import dev.takeover.events.conversation.Sender;

/** A message the bot or an agent sent the customer: what the bot already tried, and whom the customer heard last. */
@Entity
@Table(name = "reply")
public class Reply extends PanacheEntityBase {

    @Id
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "sender_type")
    public String senderType;

    @Column(name = "sender_name")
    public String senderName;

    public String purpose;

    public String text;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "seen_at")
    public Instant seenAt;

    static Reply of(MessageSent message, Instant now) {
        Reply reply = new Reply();
        reply.messageId = message.messageId();
        reply.conversationId = message.conversationId();
        reply.senderType = message.sender().type().name();
        reply.senderName = message.sender().name();
        reply.purpose = message.purpose();
        reply.text = message.text();
        reply.sentAt = message.sentAt();
        reply.seenAt = now;
        return reply;
    }

    /** A bot message without a purpose is taken as an answer: that is what bots mostly send. */
    String botPurpose() {
        return purposeOf(purpose);
    }

    private static String purposeOf(String purpose) {
        return purpose == null ? "ANSWER" : purpose;
    }

    /**
     * The purpose of the bot's last message, for each of these conversations whose last message the customer got came
     * from the bot, in one query (three columns, not the entity: the text may be long).
     */
    static Map<String, String> lastBotPurposes(Collection<String> conversationIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(LAST_REPLIES)
                .setParameter("ids", conversationIds.toArray(String[]::new))
                .getResultList();
        Map<String, String> purposes = new HashMap<>();
        for (Object[] row : rows) {
            if (Sender.Type.BOT.name().equals(row[1])) {
                purposes.put((String) row[0], purposeOf((String) row[2]));
            }
        }
        return purposes;
    }

    private static final String LAST_REPLIES = """
            select distinct on (conversation_id) conversation_id, sender_type, purpose from reply
            where conversation_id = any(cast(:ids as text[])) order by conversation_id, seen_at desc, sent_at desc
            """;

    /** Those of these messages that are stored, in one query. */
    @SuppressWarnings("unchecked")
    static List<String> stored(Collection<String> messageIds) {
        return getEntityManager()
                .createNativeQuery(
                        "select message_id from reply where message_id = any(cast(:ids as text[]))", String.class)
                .setParameter("ids", messageIds.toArray(String[]::new))
                .getResultList();
    }

    static List<Reply> fromBot(String conversationId) {
        return list("conversationId = ?1 and senderType = ?2 order by seenAt", conversationId, "BOT");
    }
}
