package dev.takeover.infrastructure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything the services need around them: a real Kafka broker with the public and dead-letter topics, a real
 * PostgreSQL with a database per service, and an issuer of agents' bearer tokens with its public key on disk.
 */
public final class Infrastructure implements AutoCloseable {

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final Set<String> topics;
    private final TokenIssuer tokens;
    private final Path publicKey;

    private Infrastructure(
            PostgresServer postgres, KafkaBroker kafka, Set<String> topics, TokenIssuer tokens, Path publicKey) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.topics = topics;
        this.tokens = tokens;
        this.publicKey = publicKey;
    }

    /** Ports 0 pick free ones; the token issuer's public key is written into the key directory. */
    public static Infrastructure start(int kafkaPort, int postgresPort, Path keyDirectory) {
        PostgresServer postgres = PostgresServer.start(postgresPort);
        try {
            KafkaBroker kafka = KafkaBroker.start(kafkaPort);
            Set<String> topics = kafka.createTopics(PlatformService.serviceNames());
            TokenIssuer tokens = TokenIssuer.generate();
            return new Infrastructure(
                    postgres, kafka, topics, tokens, tokens.writePublicKey(keyDirectory.resolve("public.pem")));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** What a packaged service process needs in its environment to use this infrastructure, with its own database. */
    public Map<String, String> serviceEnvironment(PlatformService service) {
        postgres.createDatabase(service.database());
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("DATABASE_URL", postgres.jdbcUrl(service.database()));
        environment.put("DATABASE_USER", PostgresServer.USER);
        environment.put("DATABASE_PASSWORD", "");
        environment.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
        environment.put("JWT_ISSUER", TokenIssuer.ISSUER);
        return environment;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Set<String> topics() {
        return topics;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    public Path publicKey() {
        return publicKey;
    }

    @Override
    public void close() {
        kafka.close();
        postgres.close();
    }
}
