package dev.takeover.transcript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.takeover.infrastructure.KafkaBroker;
import dev.takeover.infrastructure.PostgresServer;
import dev.takeover.infrastructure.TokenIssuer;

/** A broker, a database and a token issuer for tests that run the packaged service as separate processes. */
final class ProcessInfrastructure implements AutoCloseable {

    private static final String DATABASE = "transcript";

    final KafkaBroker kafka;
    final PostgresServer postgres;
    final TokenIssuer tokens;
    private final Path publicKey;

    private ProcessInfrastructure(KafkaBroker kafka, PostgresServer postgres, TokenIssuer tokens, Path publicKey) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.tokens = tokens;
        this.publicKey = publicKey;
    }

    static ProcessInfrastructure start() {
        PostgresServer postgres = PostgresServer.start(0);
        postgres.createDatabase(DATABASE);
        KafkaBroker kafka = KafkaBroker.start(0);
        kafka.createTopics(List.of("transcript-service"));
        TokenIssuer tokens = TokenIssuer.generate();
        try {
            Path key = tokens.writePublicKey(
                    Files.createTempDirectory("transcript-it").resolve("public.pem"));
            return new ProcessInfrastructure(kafka, postgres, tokens, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration a service process needs to use this infrastructure. */
    Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", "");
        config.put("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
        // A killed instance's partitions move to the survivors within seconds, not the default 45.
        config.put("mp.messaging.incoming.conversation-log.session.timeout.ms", "6000");
        config.put("mp.messaging.incoming.conversation-log.heartbeat.interval.ms", "1000");
        return config;
    }

    /** Publishes every record and returns once the broker has acknowledged all of them, or fails. */
    void publish(Iterable<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            records.forEach(record -> acknowledgements.add(producer.send(record)));
            producer.flush();
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a record", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties);
    }

    long count(String sql, Object... parameters) {
        try (Connection connection = connection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            // The service may not have created its tables yet.
            return -1;
        }
    }

    Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), PostgresServer.USER, "");
    }

    @Override
    public void close() {
        kafka.close();
        postgres.close();
    }
}
