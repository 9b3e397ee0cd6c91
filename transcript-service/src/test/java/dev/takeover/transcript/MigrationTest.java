package dev.takeover.transcript;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.takeover.infrastructure.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Entries the walking skeleton stored (schema V1) survive the move to V2, classified and summarised. */
class MigrationTest {

    @Test
    void skeletonEntriesAreClassifiedAndTheirConversationsSummarised() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(0)) {
            postgres.createDatabase("migration");
            String url = postgres.jdbcUrl("migration");
            Flyway.configure()
                    .dataSource(url, PostgresServer.USER, "")
                    .locations("db/migration")
                    .target("1")
                    .load()
                    .migrate();
            try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("""
                        insert into transcript_entry (conversation_id, entry_key, event_type, occurred_at, payload) values
                        ('c1', 'message:m1', 'conversation.message-received.v1', '2026-11-01T10:00:00Z',
                         '{"messageId":"m1","conversationId":"c1","channel":"web","text":"hi","customerId":"k1"}'),
                        ('c1', 'ce-1', 'bot.message-analyzed.v1', '2026-11-01T10:00:01Z',
                         '{"conversationId":"c1","messageId":"m1"}'),
                        ('c1', 'ce-2', 'agent.conversation-assigned.v1', '2026-11-01T10:00:05Z',
                         '{"conversationId":"c1","agentId":"alice","agentName":"Alice"}'),
                        ('c1', 'ce-3', 'conversation.message-sent.v1', '2026-11-01T10:00:06Z',
                         '{"conversationId":"c1","sender":{"type":"AGENT","id":"alice"},"text":"hello"}')
                        """);
            }

            Flyway.configure()
                    .dataSource(url, PostgresServer.USER, "")
                    .locations("db/migration")
                    .load()
                    .migrate();

            try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
                    Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("""
                        select string_agg(kind || '/' || stage || '/' || sender_type || '/' || coalesce(sender_id, '-')
                                          || '/' || coalesce(caused_by, '-'), ' ' order by order_at, stage, id)
                        from transcript_entry where conversation_id = 'c1'
                        """)) {
                    rows.next();
                    assertThat(rows.getString(1))
                            .isEqualTo("MESSAGE/0/CUSTOMER/k1/- ANALYSIS/1/BOT/-/message:m1 EVENT/3/AGENT/alice/-"
                                    + " MESSAGE/4/AGENT/alice/-");
                }
                try (ResultSet rows = statement.executeQuery(
                        "select customer_id, channel, entry_count from conversation where conversation_id = 'c1'")) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo("k1");
                    assertThat(rows.getString(2)).isEqualTo("web");
                    assertThat(rows.getInt(3)).isEqualTo(4);
                }
                try (ResultSet rows = statement.executeQuery(
                        "select agent_id, agent_name, handled from conversation_agent where conversation_id = 'c1'")) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo("alice");
                    assertThat(rows.getString(2)).isEqualTo("Alice");
                    assertThat(rows.getBoolean(3)).isTrue();
                }
            }
        }
    }
}
