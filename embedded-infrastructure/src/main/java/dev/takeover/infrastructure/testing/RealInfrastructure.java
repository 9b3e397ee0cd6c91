package dev.takeover.infrastructure.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.infrastructure.KafkaBroker;
import dev.takeover.infrastructure.PostgresServer;
import dev.takeover.infrastructure.TokenIssuer;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a real PostgreSQL, started once per test JVM and without
 * Docker, and the public key of a token issuer. Fields annotated {@link InjectKafkaCompanion} receive a client for
 * the broker, fields annotated {@link InjectTokenIssuer} the issuer whose tokens the service accepts.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "service";

    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static TokenIssuer tokens;
    private static Path publicKey;

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
                "",
                "mp.jwt.verify.publickey.location",
                publicKey.toUri().toString(),
                "mp.jwt.verify.issuer",
                TokenIssuer.ISSUER);
    }

    private static synchronized void startOncePerJvm() {
        if (kafka != null) {
            return;
        }
        postgres = PostgresServer.start(0);
        postgres.createDatabase(DATABASE);
        kafka = KafkaBroker.start(0);
        kafka.createTopics(List.of("bot-service", "handover-service", "agent-service", "transcript-service"));
        tokens = TokenIssuer.generate();
        try {
            publicKey = tokens.writePublicKey(
                    Files.createTempDirectory("takeover-test-jwt").resolve("public.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        testInjector.injectIntoFields(
                tokens, new TestInjector.AnnotatedAndMatchesType(InjectTokenIssuer.class, TokenIssuer.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
    }
}
