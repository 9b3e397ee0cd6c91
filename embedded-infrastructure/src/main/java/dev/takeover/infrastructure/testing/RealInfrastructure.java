package dev.takeover.infrastructure.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import dev.takeover.infrastructure.Infrastructure;
import dev.takeover.infrastructure.PostgresServer;
import dev.takeover.infrastructure.TokenIssuer;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker, a real PostgreSQL and a token issuer, started once per test JVM and
 * without Docker. Fields annotated {@link InjectKafkaCompanion} receive a client for the broker, fields annotated
 * {@link InjectTokenIssuer} the issuer whose tokens the service under test accepts.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "service";

    private static Infrastructure infrastructure;

    private KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        Infrastructure started = startOncePerJvm();
        companion = new KafkaCompanion(started.kafka().bootstrapServers());
        return Map.of(
                "kafka.bootstrap.servers",
                started.kafka().bootstrapServers(),
                "quarkus.datasource.jdbc.url",
                started.postgres().jdbcUrl(DATABASE),
                "quarkus.datasource.username",
                PostgresServer.USER,
                "quarkus.datasource.password",
                "",
                "mp.jwt.verify.publickey.location",
                started.publicKey().toUri().toString(),
                "mp.jwt.verify.issuer",
                TokenIssuer.ISSUER);
    }

    private static synchronized Infrastructure startOncePerJvm() {
        if (infrastructure == null) {
            try {
                infrastructure = Infrastructure.start(0, 0, Files.createTempDirectory("takeover-test-jwt"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            infrastructure.postgres().createDatabase(DATABASE);
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "stop-test-infrastructure"));
        }
        return infrastructure;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                companion, new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
        testInjector.injectIntoFields(
                infrastructure.tokens(),
                new TestInjector.AnnotatedAndMatchesType(InjectTokenIssuer.class, TokenIssuer.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
    }
}
