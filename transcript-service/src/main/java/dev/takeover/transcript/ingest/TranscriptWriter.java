package dev.takeover.transcript.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.transcript.ingest.AgentInvolvement.StandsUntil;
import dev.takeover.transcript.ingest.AgentInvolvement.Withdrawn;
import dev.takeover.transcript.ingest.LogBatch.AgentChange;
import dev.takeover.transcript.privacy.CustomerHash;

/**
 * Stores a batch of entries with one multi-row statement per table, whatever the batch size. Entries already stored
 * are skipped by their key; only the new ones change conversations and agents.
 */
@ApplicationScoped
public class TranscriptWriter {

    private static final String TOUCH_CONVERSATIONS = """
            insert into conversation (conversation_id, started_at, last_activity_at)
            select id, started_at::timestamptz, started_at::timestamptz
            from unnest(?::text[], ?::text[]) as batch(id, started_at)
            order by id
            on conflict (conversation_id) do nothing
            """;

    // Serialises with an erasure of the same conversation, which takes the same lock first.
    private static final String LOCK_CONVERSATIONS = """
            select conversation_id, erased_at from conversation
            where conversation_id = any(?::text[])
            order by conversation_id
            for no key update
            """;

    private static final String CUSTOMER_ERASURES = """
            select customer_hash, max(erased_at) from customer_erasure
            where customer_hash = any(?::text[])
            group by customer_hash
            """;

    private static final String INSERT_ENTRIES = """
            insert into transcript_entry (conversation_id, entry_key, event_type, kind, stage, occurred_at, order_at,
                                          caused_by, sender_type, sender_id, sender_name, source, erased, payload)
            select conversation_id, entry_key, event_type, kind, stage::smallint, occurred_at::timestamptz,
                   occurred_at::timestamptz, caused_by, sender_type, sender_id, sender_name, source, erased::boolean,
                   payload::jsonb
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 with ordinality as batch(conversation_id, entry_key, event_type, kind, stage, occurred_at, caused_by,
                                          sender_type, sender_id, sender_name, source, erased, payload, position)
            order by position
            on conflict (conversation_id, entry_key) do nothing
            returning id, conversation_id, entry_key
            """;

    private static final String MOVE_NEW_EFFECTS_AFTER_CAUSES = """
            update transcript_entry effect set order_at = cause.order_at
            from transcript_entry cause
            where effect.id = any(?::bigint[])
              and cause.conversation_id = effect.conversation_id
              and cause.entry_key = effect.caused_by
              and cause.order_at > effect.order_at
            """;

    private static final String MOVE_EFFECTS_AFTER_NEW_CAUSES = """
            update transcript_entry effect set order_at = cause.order_at
            from transcript_entry cause
            where cause.id = any(?::bigint[])
              and effect.conversation_id = cause.conversation_id
              and effect.caused_by = cause.entry_key
              and cause.order_at > effect.order_at
            """;

    private static final String UPDATE_CONVERSATIONS = """
            update conversation c set
                started_at       = least(c.started_at, batch.started_at::timestamptz),
                last_activity_at = greatest(c.last_activity_at, batch.last_activity_at::timestamptz),
                entry_count      = c.entry_count + batch.entries::integer,
                customer_id      = coalesce(c.customer_id, batch.customer_id),
                customer_name    = coalesce(batch.customer_name, c.customer_name),
                channel          = coalesce(c.channel, batch.channel),
                language         = coalesce(batch.language, c.language),
                control_state    = case when batch.control_state_at is not null
                                             and (c.control_state_at is null
                                                  or batch.control_state_at::timestamptz >= c.control_state_at)
                                        then batch.control_state else c.control_state end,
                control_state_at = greatest(c.control_state_at, batch.control_state_at::timestamptz),
                erased_at        = greatest(c.erased_at, batch.erased_at::timestamptz)
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[])
                 as batch(conversation_id, started_at, last_activity_at, entries, customer_id, customer_name, channel,
                          language, control_state, control_state_at, erased_at)
            where c.conversation_id = batch.conversation_id
            """;

    private static final String UPSERT_AGENTS = """
            insert into conversation_agent (conversation_id, agent_id, agent_name, handled, offer_expires_at,
                                            first_seen_at)
            select conversation_id, agent_id, agent_name, handled::boolean, offer_expires_at::timestamptz,
                   first_seen_at::timestamptz
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 as batch(conversation_id, agent_id, agent_name, handled, offer_expires_at, first_seen_at)
            order by conversation_id, agent_id
            on conflict (conversation_id, agent_id) do update set
                agent_name       = coalesce(excluded.agent_name, conversation_agent.agent_name),
                handled          = conversation_agent.handled or excluded.handled,
                offer_expires_at = coalesce(excluded.offer_expires_at, conversation_agent.offer_expires_at),
                first_seen_at    = least(conversation_agent.first_seen_at, excluded.first_seen_at)
            """;

    private static final String WITHDRAWN = "-infinity";

    private final DataSource dataSource;

    TranscriptWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** In the consumed batch's transaction. Returns the entries that were new, as stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LogEntry> store(List<LogEntry> batch) {
        List<LogEntry> entries = new LogBatch(batch).entries();
        if (entries.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            touchConversations(connection, entries);
            Map<String, Instant> conversationErasures = lockConversations(connection, entries);
            Map<String, Instant> customerErasures = customerErasures(connection, entries);
            Map<String, Instant> lateForErasedCustomer = new HashMap<>();
            List<LogEntry> toStore = new ArrayList<>(entries.size());
            for (LogEntry entry : entries) {
                Instant customerErased = entry.facts().customerId() == null
                        ? null
                        : customerErasures.get(CustomerHash.of(entry.facts().customerId()));
                if (happenedBefore(entry, customerErased)) {
                    lateForErasedCustomer.merge(entry.conversationId(), customerErased, TranscriptWriter::later);
                    toStore.add(entry.anonymised());
                } else if (happenedBefore(entry, conversationErasures.get(entry.conversationId()))) {
                    toStore.add(entry.anonymised());
                } else {
                    toStore.add(entry);
                }
            }
            List<StoredKey> inserted = insertEntries(connection, toStore);
            Map<String, Long> idsByKey = new HashMap<>();
            inserted.forEach(key -> idsByKey.put(key.conversationId() + '\n' + key.entryKey(), key.id()));
            List<LogEntry> newEntries = toStore.stream()
                    .filter(entry -> idsByKey.containsKey(entry.conversationId() + '\n' + entry.key()))
                    .toList();
            keepEffectsAfterCauses(connection, newEntries, idsByKey);
            updateConversations(connection, LogBatch.conversationChanges(newEntries), lateForErasedCustomer);
            upsertAgents(connection, LogBatch.agentChanges(newEntries));
            return newEntries;
        } catch (SQLException e) {
            // Logged nowhere: PostgreSQL's message may quote the JSON it refused. The SQLState decides what is next.
            throw new IllegalStateException("cannot store the batch", e);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static boolean happenedBefore(LogEntry entry, Instant erasedAt) {
        return erasedAt != null && !entry.occurredAt().isAfter(erasedAt);
    }

    private static void touchConversations(Connection connection, List<LogEntry> entries) throws SQLException {
        SortedMap<String, Instant> earliest = new TreeMap<>();
        entries.forEach(entry -> earliest.merge(entry.conversationId(), entry.occurredAt(), TranscriptWriter::earlier));
        try (PreparedStatement touch = connection.prepareStatement(TOUCH_CONVERSATIONS)) {
            touch.setArray(1, texts(connection, new ArrayList<>(earliest.keySet())));
            touch.setArray(
                    2,
                    texts(
                            connection,
                            earliest.values().stream().map(Instant::toString).toList()));
            touch.executeUpdate();
        }
    }

    private static Map<String, Instant> lockConversations(Connection connection, List<LogEntry> entries)
            throws SQLException {
        Map<String, Instant> erased = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement(LOCK_CONVERSATIONS)) {
            lock.setArray(1, texts(connection, distinct(entries, LogEntry::conversationId)));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime erasedAt = rows.getObject(2, OffsetDateTime.class);
                    if (erasedAt != null) {
                        erased.put(rows.getString(1), erasedAt.toInstant());
                    }
                }
            }
        }
        return erased;
    }

    private static Map<String, Instant> customerErasures(Connection connection, List<LogEntry> entries)
            throws SQLException {
        List<String> hashes = entries.stream()
                .map(entry -> entry.facts().customerId())
                .filter(customerId -> customerId != null)
                .distinct()
                .map(CustomerHash::of)
                .toList();
        Map<String, Instant> erasures = new HashMap<>();
        if (hashes.isEmpty()) {
            return erasures;
        }
        try (PreparedStatement select = connection.prepareStatement(CUSTOMER_ERASURES)) {
            select.setArray(1, texts(connection, hashes));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    erasures.put(
                            rows.getString(1),
                            rows.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        return erasures;
    }

    private static List<StoredKey> insertEntries(Connection connection, List<LogEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTRIES)) {
            insert.setArray(1, column(connection, entries, LogEntry::conversationId));
            insert.setArray(2, column(connection, entries, LogEntry::key));
            insert.setArray(3, column(connection, entries, LogEntry::type));
            insert.setArray(4, column(connection, entries, entry -> entry.kind().name()));
            insert.setArray(5, column(connection, entries, entry -> String.valueOf(entry.stage())));
            insert.setArray(
                    6, column(connection, entries, entry -> entry.occurredAt().toString()));
            insert.setArray(7, column(connection, entries, LogEntry::causedBy));
            insert.setArray(
                    8,
                    column(connection, entries, entry -> entry.sender().type().name()));
            insert.setArray(
                    9, column(connection, entries, entry -> entry.sender().id()));
            insert.setArray(
                    10, column(connection, entries, entry -> entry.sender().name()));
            insert.setArray(11, column(connection, entries, LogEntry::source));
            insert.setArray(12, column(connection, entries, entry -> String.valueOf(entry.erased())));
            insert.setArray(13, column(connection, entries, LogEntry::payloadJson));
            List<StoredKey> inserted = new ArrayList<>(entries.size());
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(new StoredKey(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
            return inserted;
        }
    }

    /** An analysis never comes before the message it analyses, whichever of the two arrived first. */
    private static void keepEffectsAfterCauses(Connection connection, List<LogEntry> newEntries, Map<String, Long> ids)
            throws SQLException {
        List<Long> newEffects = idsOf(newEntries, ids, entry -> entry.causedBy() != null);
        List<Long> newCauses = idsOf(newEntries, ids, entry -> entry.type().equals(InboundMessage.TYPE.name()));
        if (!newEffects.isEmpty()) {
            move(connection, MOVE_NEW_EFFECTS_AFTER_CAUSES, newEffects);
        }
        if (!newCauses.isEmpty()) {
            move(connection, MOVE_EFFECTS_AFTER_NEW_CAUSES, newCauses);
        }
    }

    private static List<Long> idsOf(List<LogEntry> entries, Map<String, Long> ids, Predicate<LogEntry> which) {
        return entries.stream()
                .filter(which)
                .map(entry -> ids.get(entry.conversationId() + '\n' + entry.key()))
                .toList();
    }

    private static void move(Connection connection, String sql, List<Long> ids) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }

    private static void updateConversations(
            Connection connection,
            SortedMap<String, ConversationChange> changes,
            Map<String, Instant> lateForErasedCustomer)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        List<ConversationChange> rows = new ArrayList<>(changes.values());
        try (PreparedStatement update = connection.prepareStatement(UPDATE_CONVERSATIONS)) {
            update.setArray(1, column(connection, rows, ConversationChange::conversationId));
            update.setArray(
                    2, column(connection, rows, change -> change.startedAt().toString()));
            update.setArray(
                    3,
                    column(connection, rows, change -> change.lastActivityAt().toString()));
            update.setArray(4, column(connection, rows, change -> String.valueOf(change.entries())));
            update.setArray(5, column(connection, rows, ConversationChange::customerId));
            update.setArray(6, column(connection, rows, ConversationChange::customerName));
            update.setArray(7, column(connection, rows, ConversationChange::channel));
            update.setArray(8, column(connection, rows, ConversationChange::language));
            update.setArray(
                    9,
                    column(
                            connection,
                            rows,
                            change -> change.controlState() == null
                                    ? null
                                    : change.controlState().state().name()));
            update.setArray(
                    10,
                    column(
                            connection,
                            rows,
                            change -> change.controlState() == null
                                    ? null
                                    : change.controlState().at().toString()));
            update.setArray(11, column(connection, rows, change -> {
                Instant erasedAt = lateForErasedCustomer.get(change.conversationId());
                return erasedAt == null ? null : erasedAt.toString();
            }));
            update.executeUpdate();
        }
    }

    private static void upsertAgents(Connection connection, List<AgentChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_AGENTS)) {
            upsert.setArray(1, column(connection, changes, AgentChange::conversationId));
            upsert.setArray(
                    2,
                    column(connection, changes, change -> change.involvement().agentId()));
            upsert.setArray(
                    3,
                    column(connection, changes, change -> change.involvement().agentName()));
            upsert.setArray(
                    4,
                    column(
                            connection,
                            changes,
                            change -> String.valueOf(change.involvement().handled())));
            upsert.setArray(5, column(connection, changes, change -> offerExpiry(change.involvement())));
            upsert.setArray(
                    6,
                    column(connection, changes, change -> change.firstSeenAt().toString()));
            upsert.executeUpdate();
        }
    }

    private static String offerExpiry(AgentInvolvement involvement) {
        if (involvement.offer() instanceof StandsUntil standing) {
            return standing.expiresAt().toString();
        }
        return involvement.offer() instanceof Withdrawn ? WITHDRAWN : null;
    }

    private static <T> Array column(Connection connection, List<T> rows, Function<T, String> value)
            throws SQLException {
        return texts(connection, rows.stream().map(value).toList());
    }

    private static Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static List<String> distinct(List<LogEntry> entries, Function<LogEntry, String> value) {
        Set<String> seen = new HashSet<>();
        List<String> values = new ArrayList<>();
        entries.stream().map(value).filter(seen::add).forEach(values::add);
        return values;
    }

    private record StoredKey(long id, String conversationId, String entryKey) {}
}
