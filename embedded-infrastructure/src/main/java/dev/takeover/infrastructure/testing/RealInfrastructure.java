package dev.takeover.infrastructure.testing;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.infrastructure.KafkaBroker;
import dev.takeover.infrastructure.PostgresServer;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a real PostgreSQL, started once per test JVM and without
 * Docker. Fields annotated {@link InjectKafkaCompanion} receive a client for the broker.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "service";

    private static KafkaBroker kafka;
    private static PostgresServer postgres;

    private KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        startOncePerJvm();
        companion = new KafkaCompanion(kafka.bootstrapServers());
        return Map.of(
                "kafka.bootstrap.servers",
                kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url",
                postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username",
                PostgresServer.USER,
                "quarkus.datasource.password",
                "");
    }

    private static synchronized void startOncePerJvm() {
        if (kafka != null) {
            return;
        }
        postgres = PostgresServer.start(0);
        postgres.createDatabase(DATABASE);
        kafka = KafkaBroker.start(0);
        kafka.createTopics(List.of("bot-service", "handover-service", "agent-service", "transcript-service"));
        Runtime.getRuntime().addShutdownHook(new Thread(RealInfrastructure::stopAll, "stop-test-infrastructure"));
    }

    private static void stopAll() {
        kafka.close();
        postgres.close();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                companion, new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
    }
}
