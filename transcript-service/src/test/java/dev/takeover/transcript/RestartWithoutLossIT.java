package dev.takeover.transcript;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.takeover.events.CloudEvent;
import dev.takeover.events.EventCodec;
import dev.takeover.events.ReceivedEvent;
import dev.takeover.events.Topic;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.conversation.InboundMessage;
import dev.takeover.infrastructure.KafkaBroker;
import dev.takeover.infrastructure.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service is killed (SIGKILL) while it works through a backlog, restarted as two instances, and finally
 * made to read every topic again from the start: every record ends up in the log exactly once and in order.
 */
class RestartWithoutLossIT {

    private static final int CONVERSATIONS = 40;
    private static final int MESSAGES_PER_CONVERSATION = 400;
    private static final int RECORDS = CONVERSATIONS * MESSAGES_PER_CONVERSATION * 2;
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    private static ProcessInfrastructure infrastructure;

    @BeforeAll
    static void startInfrastructure() {
        infrastructure = ProcessInfrastructure.start();
    }

    @AfterAll
    static void stopInfrastructure() {
        infrastructure.close();
    }

    @Test
    void aKilledServiceLosesNothingAndARedeliveryDuplicatesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> conversations = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            conversations.add("conv-" + run + "-" + c);
        }
        publishBacklog(conversations);

        try (ServiceProcess first = infrastructure.startService("restart-first")) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> stored() >= RECORDS / 5);
            first.kill();
        }
        long storedWhenKilled = stored();
        assertThat(storedWhenKilled).as("killed mid-stream").isLessThan(RECORDS);

        // Two instances share the partitions from here on.
        try (ServiceProcess second = infrastructure.startService("restart-second");
                ServiceProcess third = infrastructure.startService("restart-third")) {
            await().atMost(PATIENCE).until(() -> stored() == RECORDS);
            second.stop(Duration.ofSeconds(60));
            third.stop(Duration.ofSeconds(60));
        }
        assertExactlyOnceAndInOrder(conversations);

        // Every record again, as after a lost offset commit.
        rewindConsumerGroup();
        String marker = "marker-" + run;
        try (ServiceProcess fourth = infrastructure.startService("restart-fourth")) {
            infrastructure.publish(List.of(inbound(new InboundMessage(
                    marker, conversations.get(0), "web", "last", "c-" + run, null, null, Instant.now(), Map.of()))));
            await().atMost(PATIENCE)
                    .until(() -> infrastructure.count(
                                    "select count(*) from transcript_entry where entry_key = ?",
                                    ReceivedEvent.customerMessageKey(conversations.get(0), marker))
                            == 1);
        }
        assertThat(stored()).isEqualTo(RECORDS + 1);
        assertThat(infrastructure.count(
                        "select sum(entry_count) from conversation where conversation_id like ?", "conv-" + run + "-%"))
                .as("conversation summaries count each entry once")
                .isEqualTo(RECORDS + 1);
    }

    /** Customer messages and, on another topic, their analyses: two records per message, all published at once. */
    private static void publishBacklog(List<String> conversations) {
        Instant start = Instant.now().minusSeconds(3600);
        List<ProducerRecord<String, byte[]>> backlog = new ArrayList<>(RECORDS);
        for (int m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
            for (String conversation : conversations) {
                Instant sentAt = start.plusMillis(m * 100L);
                String messageId = "m" + m;
                backlog.add(inbound(new InboundMessage(
                        messageId,
                        conversation,
                        "web",
                        "message " + m,
                        "c-" + conversation,
                        "Customer",
                        "en",
                        sentAt,
                        Map.of())));
                MessageAnalyzed analysis = new MessageAnalyzed(
                        conversation,
                        messageId,
                        "en",
                        new MessageAnalyzed.Intent("question", 0.8),
                        new MessageAnalyzed.Sentiment(0.0, MessageAnalyzed.Sentiment.Label.NEUTRAL),
                        0.1,
                        false,
                        false);
                CloudEvent ce = new CloudEvent(
                        UUID.randomUUID(),
                        MessageAnalyzed.TYPE.name(),
                        "/bot-service",
                        sentAt.plusMillis(10),
                        conversation);
                backlog.add(new ProducerRecord<>(
                        Topic.BOT_ANALYSIS.defaultName(),
                        null,
                        conversation,
                        EventCodec.toJson(analysis),
                        ce.toHeaders()));
            }
        }
        infrastructure.publish(backlog);
    }

    private static ProducerRecord<String, byte[]> inbound(InboundMessage message) {
        return new ProducerRecord<>(
                Topic.CONVERSATION_INBOUND.defaultName(), message.conversationId(), EventCodec.toJson(message));
    }

    private static long stored() {
        return infrastructure.count("select count(*) from transcript_entry");
    }

    private static void assertExactlyOnceAndInOrder(List<String> conversations) throws Exception {
        try (Connection connection = infrastructure.connection();
                PreparedStatement select = connection.prepareStatement("""
                        select entry_key, event_type, payload ->> 'messageId' from transcript_entry
                        where conversation_id = ? order by order_at, stage, id
                        """)) {
            for (String conversation : conversations) {
                select.setString(1, conversation);
                List<String> order = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        order.add(rows.getString(2).startsWith("bot") ? "a:" + rows.getString(3) : rows.getString(1));
                    }
                }
                List<String> expected = new ArrayList<>();
                for (int m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
                    expected.add(ReceivedEvent.customerMessageKey(conversation, "m" + m));
                    expected.add("a:m" + m);
                }
                assertThat(order).as(conversation).containsExactlyElementsOf(expected);
            }
        }
    }

    private static void rewindConsumerGroup() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (Topic topic : List.of(
                    Topic.CONVERSATION_INBOUND,
                    Topic.CONVERSATION_OUTBOUND,
                    Topic.BOT_ANALYSIS,
                    Topic.HANDOVER_EVENTS,
                    Topic.AGENT_EVENTS)) {
                for (int partition = 0; partition < KafkaBroker.PARTITIONS; partition++) {
                    start.put(new TopicPartition(topic.defaultName(), partition), new OffsetAndMetadata(0));
                }
            }
            admin.alterConsumerGroupOffsets("transcript-service", start).all().get();
        }
    }
}
