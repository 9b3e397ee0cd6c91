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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.takeover.common.consuming.ConversationLocks;
import dev.takeover.events.conversation.InboundMessage;

/**
 * Who the customer is and where they write from, as their messages tell it, what the bot collected, and the known
 * incident the conversation is tagged with. Its row is also the lock that serialises every change to the conversation.
 */
@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {

    @Id
    @Column(name = "conversation_id")
    public String conversationId;

    public String channel;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_name")
    public String customerName;

    public String language;

    /* Both maps are values: they are replaced, never changed in place, so Hibernate neither copies them as it loads
    the conversation nor compares them at each flush. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Map<String, String> attributes = Map.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "collected_data")
    public Map<String, String> collectedData = Map.of();

    @Column(name = "collected_at")
    public Instant collectedAt;

    @Column(name = "incident_id")
    public String incidentId;

    @Column(name = "last_message_at")
    public Instant lastMessageAt;

    @Column(name = "window_start_seq")
    public long windowStartSeq;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * The conversation, created with its first record. The caller holds the conversation's lock for the transaction
     * ({@link ConversationLocks}): the consumers lock their batch's conversations before they handle it, and the timer
     * job and the incident sweeps lock the one they touch. Records about one conversation arrive on several topics and
     * may reach two instances at once; they queue on that lock, so a lock on the row would only repeat it.
     */
    public static Conversation of(String conversationId, Instant now) {
        Conversation known = findById(conversationId);
        if (known != null) {
            return known;
        }
        getEntityManager()
                .createNativeQuery("insert into conversation (conversation_id, created_at) values (?1, ?2)"
                        + " on conflict do nothing")
                .setParameter(1, conversationId)
                .setParameter(2, now)
                .executeUpdate();
        return findById(conversationId);
    }

    /**
     * The conversations, each created with its first record, loaded at once: a few statements for a whole batch. The
     * caller holds their locks, as for {@link #of}.
     */
    static List<Conversation> ofAll(Collection<String> conversationIds, Instant now) {
        String[] ids = conversationIds.toArray(String[]::new);
        List<Conversation> known = byIds(ids);
        if (known.size() == ids.length) {
            return known;
        }
        getEntityManager()
                .createNativeQuery("insert into conversation (conversation_id, created_at)"
                        + " select id, :now from unnest(cast(:ids as text[])) as id on conflict do nothing")
                .setParameter("ids", ids)
                .setParameter("now", now)
                .executeUpdate();
        return byIds(ids);
    }

    // An array parameter, not an in-list: Hibernate translates a query with a list parameter again on every call.
    @SuppressWarnings("unchecked")
    private static List<Conversation> byIds(String[] ids) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from conversation where conversation_id = any(cast(:ids as text[]))",
                        Conversation.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    public void noteMessage(InboundMessage message, Instant now) {
        channel = message.channel();
        if (message.customerId() != null) {
            customerId = message.customerId();
        }
        if (message.customerName() != null) {
            customerName = message.customerName();
        }
        if (message.language() != null) {
            language = message.language();
        }
        if (!message.attributes().isEmpty()) {
            Map<String, String> merged = new HashMap<>(attributes);
            merged.putAll(message.attributes());
            attributes = Map.copyOf(merged);
        }
        lastMessageAt = now;
    }

    public void noteLanguage(String detected) {
        if (detected != null && !detected.isBlank()) {
            language = detected;
        }
    }

    /** Each collection carries everything collected so far, so the latest one wins; a late older one is ignored. */
    public void noteCollectedData(Map<String, String> data, Instant collected) {
        if (collectedAt == null || !collected.isBefore(collectedAt)) {
            collectedData = Map.copyOf(data);
            collectedAt = collected;
        }
    }

    /** After an escalation, the policy starts afresh: turns so far belong to the escalation that covered them. */
    public void closeWindow(long lastSeq) {
        windowStartSeq = Math.max(windowStartSeq, lastSeq);
    }

    /** Tagged with a known incident: it is prioritised, and a waiting customer is told about it. */
    public void taggedWith(String incident) {
        incidentId = incident;
    }

    /** The incident it was tagged with has ended. */
    public void untagged() {
        incidentId = null;
    }

    public boolean canNotify() {
        return channel != null;
    }

    /** Forgets who the customer is and what they told us (GDPR erasure); ids and decisions stay for the record. */
    public void erasePersonalData() {
        customerId = null;
        customerName = null;
        attributes = Map.of();
        collectedData = Map.of();
    }
}
