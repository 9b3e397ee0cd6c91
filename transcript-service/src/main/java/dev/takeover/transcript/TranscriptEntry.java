package dev.takeover.transcript;

import java.time.Instant;
import java.util.List;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One thing that happened in a conversation, as it was published. */
@Entity
@Table(name = "transcript_entry")
public class TranscriptEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "entry_key")
    public String entryKey;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    public static List<TranscriptEntry> ofConversation(String conversationId) {
        return list("conversationId = ?1 order by occurredAt, id", conversationId);
    }
}
