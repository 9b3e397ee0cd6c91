package dev.takeover.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedInfrastructureTest {

    private static KafkaBroker kafka;
    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        kafka = KafkaBroker.start(0);
        postgres = PostgresServer.start(0);
    }

    @AfterAll
    static void stop() {
        kafka.close();
        postgres.close();
    }

    @Test
    void brokerCreatesThePublicTopicsWithPartitionsForTwoInstancesAndCarriesRecords() throws Exception {
        kafka.createTopics(List.of("bot-service"));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get())
                    .contains("conversation.inbound", "bot.analysis", "agent.events", "bot-service.dlq");
            assertThat(admin.describeTopics(List.of("conversation.inbound"))
                            .allTopicNames()
                            .get()
                            .get("conversation.inbound")
                            .partitions())
                    .hasSize(KafkaBroker.PARTITIONS);
        }
        try (KafkaCompanion companion = new KafkaCompanion(kafka.bootstrapServers())) {
            companion
                    .produce(String.class, String.class)
                    .fromRecords(new ProducerRecord<>("conversation.inbound", "c1", "hello"))
                    .awaitCompletion();
            assertThat(companion
                            .consume(String.class, String.class)
                            .fromTopics("conversation.inbound", 1)
                            .awaitCompletion(Duration.ofSeconds(30))
                            .getFirstRecord()
                            .value())
                    .isEqualTo("hello");
        }
    }

    @Test
    void postgresCreatesADatabasePerServiceOnce() throws Exception {
        postgres.createDatabase("agent");
        postgres.createDatabase("agent");

        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("agent"), PostgresServer.USER, "");
                ResultSet result = connection.createStatement().executeQuery("select current_database()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("agent");
        }
    }
}
