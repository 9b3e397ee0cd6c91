package dev.takeover.transcript.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Keeps the analytics read model up to date with one multi-row upsert per batch, in the batch's transaction. It is
 * given only the entries the log stored for the first time, under the log's lock of their conversations, so counts
 * are added once however often a record is delivered, and two instances never write the same row at once.
 */
@ApplicationScoped
public class AnalyticsRecorder {

    private static final String UPSERT = """
            insert into analytics_conversation as a (
                conversation_id, started_at, channel, language, customer_hash, intent, intent_at, customer_messages,
                clarifications, rejections, bot_failures, flags, handover_requested_at, handover_reasons,
                first_offered_at, assigned_at, first_agent_reply_at, ended_at, bot_scores, agent_scores, bot_in_words,
                agent_in_words)
            select conversation_id, started_at::timestamptz, channel, language, customer_hash, intent,
                   intent_at::timestamptz, customer_messages::integer, clarifications::integer, rejections::integer,
                   bot_failures::integer, flags::integer, handover_requested_at::timestamptz,
                   coalesce(string_to_array(handover_reasons, ','), '{}'), first_offered_at::timestamptz,
                   assigned_at::timestamptz, first_agent_reply_at::timestamptz, ended_at::timestamptz,
                   coalesce(string_to_array(bot_scores, ',')::integer[], '{}'),
                   coalesce(string_to_array(agent_scores, ',')::integer[], '{}'), bot_in_words::integer,
                   agent_in_words::integer
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 as batch(conversation_id, started_at, channel, language, customer_hash, intent, intent_at,
                          customer_messages, clarifications, rejections, bot_failures, flags, handover_requested_at,
                          handover_reasons, first_offered_at, assigned_at, first_agent_reply_at, ended_at,
                          bot_scores, agent_scores, bot_in_words, agent_in_words)
            order by conversation_id
            on conflict (conversation_id) do update set
                started_at            = least(a.started_at, excluded.started_at),
                channel               = coalesce(a.channel, excluded.channel),
                language              = coalesce(a.language, excluded.language),
                customer_hash         = coalesce(a.customer_hash, excluded.customer_hash),
                intent                = case when excluded.intent_at < a.intent_at or a.intent_at is null
                                             then coalesce(excluded.intent, a.intent) else a.intent end,
                intent_at             = least(a.intent_at, excluded.intent_at),
                customer_messages     = a.customer_messages + excluded.customer_messages,
                clarifications        = a.clarifications + excluded.clarifications,
                rejections            = a.rejections + excluded.rejections,
                bot_failures          = a.bot_failures + excluded.bot_failures,
                flags                 = a.flags + excluded.flags,
                handover_requested_at = least(a.handover_requested_at, excluded.handover_requested_at),
                handover_reasons      = array(select distinct r from unnest(a.handover_reasons
                                                  || excluded.handover_reasons) as r order by r),
                first_offered_at      = least(a.first_offered_at, excluded.first_offered_at),
                assigned_at           = least(a.assigned_at, excluded.assigned_at),
                first_agent_reply_at  = least(a.first_agent_reply_at, excluded.first_agent_reply_at),
                ended_at              = greatest(a.ended_at, excluded.ended_at),
                bot_scores            = a.bot_scores || excluded.bot_scores,
                agent_scores          = a.agent_scores || excluded.agent_scores,
                bot_in_words          = a.bot_in_words + excluded.bot_in_words,
                agent_in_words        = a.agent_in_words + excluded.agent_in_words
            """;

    private final DataSource dataSource;

    AnalyticsRecorder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** In the consumed batch's transaction, after the log stored {@code changes}' entries for the first time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(List<AnalyticsChange> changes) {
        List<AnalyticsChange> rows = AnalyticsChange.fold(changes);
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            List<Function<AnalyticsChange, Object>> columns = List.of(
                    AnalyticsChange::conversationId,
                    AnalyticsChange::startedAt,
                    AnalyticsChange::channel,
                    AnalyticsChange::language,
                    AnalyticsChange::customerHash,
                    AnalyticsChange::intent,
                    AnalyticsChange::intentAt,
                    AnalyticsChange::customerMessages,
                    AnalyticsChange::clarifications,
                    AnalyticsChange::rejections,
                    AnalyticsChange::botFailures,
                    AnalyticsChange::flags,
                    AnalyticsChange::handoverRequestedAt,
                    change -> change.handoverReasons().isEmpty() ? null : String.join(",", change.handoverReasons()),
                    AnalyticsChange::firstOfferedAt,
                    AnalyticsChange::assignedAt,
                    AnalyticsChange::firstAgentReplyAt,
                    AnalyticsChange::endedAt,
                    change -> scores(change.ratings().botScores()),
                    change -> scores(change.ratings().agentScores()),
                    change -> change.ratings().botInWords(),
                    change -> change.ratings().agentInWords());
            for (int i = 0; i < columns.size(); i++) {
                Function<AnalyticsChange, Object> column = columns.get(i);
                Object[] values = rows.stream()
                        .map(column)
                        .map(value -> value == null ? null : value.toString())
                        .toArray();
                upsert.setArray(i + 1, connection.createArrayOf("text", values));
            }
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the analytics of the batch", e);
        }
    }

    private static String scores(List<Integer> scores) {
        return scores.isEmpty() ? null : scores.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
