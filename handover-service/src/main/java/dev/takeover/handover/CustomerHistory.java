package dev.takeover.handover;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import dev.takeover.handover.policy.PolicyInput.EarlierContact;

/** The customer's other conversations and their topics, for the repeated-contact rule. */
@ApplicationScoped
public class CustomerHistory {

    /** Further back than any sensible repeated-contact period; the rule applies its own. */
    static final Duration LOOKBACK = Duration.ofDays(90);

    private static final String EARLIER_CONTACTS = """
            select t.conversation_id, t.intent, min(t.seen_at)
            from turn t join conversation c on c.conversation_id = t.conversation_id
            where c.customer_id = ?1 and t.conversation_id <> ?2 and t.intent is not null
              and t.seen_at >= ?3 and t.seen_at <= ?4
            group by t.conversation_id, t.intent
            """;

    public List<EarlierContact> earlierContacts(Conversation conversation, Instant until) {
        if (conversation.customerId == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Conversation.getEntityManager()
                .createNativeQuery(EARLIER_CONTACTS)
                .setParameter(1, conversation.customerId)
                .setParameter(2, conversation.conversationId)
                .setParameter(3, until.minus(LOOKBACK))
                .setParameter(4, until)
                .getResultList();
        return rows.stream()
                .map(row -> new EarlierContact((String) row[0], (String) row[1], instant(row[2])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
