package dev.takeover.transcript;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.takeover.events.EventCodec;
import dev.takeover.events.ReceivedEvent;

/** Records every event of every conversation exactly once, whatever the broker redelivers. */
@ApplicationScoped
public class TranscriptLog {

    private static final String RECORD_ONCE = """
            insert into transcript_entry (conversation_id, entry_key, event_type, occurred_at, payload)
            values (?1, ?2, ?3, ?4, cast(?5 as jsonb))
            on conflict (conversation_id, entry_key) do nothing
            """;

    private final EntityManager entityManager;

    TranscriptLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public void record(ReceivedEvent<?> event) {
        entityManager
                .createNativeQuery(RECORD_ONCE)
                .setParameter(1, event.conversationId())
                .setParameter(2, event.idempotencyKey())
                .setParameter(3, event.type().name())
                .setParameter(4, Timestamp.from(event.occurredAt()))
                .setParameter(5, new String(EventCodec.toJson(event.payload()), StandardCharsets.UTF_8))
                .executeUpdate();
    }
}
