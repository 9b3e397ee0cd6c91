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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.takeover.infrastructure.FreePorts;
import dev.takeover.infrastructure.Infrastructure;
import dev.takeover.infrastructure.KafkaBroker;
import dev.takeover.infrastructure.PlatformService;
import dev.takeover.infrastructure.PostgresServer;
import dev.takeover.infrastructure.ServiceProcess;
import dev.takeover.infrastructure.TokenIssuer;

/** The infrastructure, and the packaged service as separate processes, for tests that kill and restart it. */
final class ProcessInfrastructure implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xmx384m",
            // A killed instance's partitions move to the survivors within seconds, not the default 45.
            "-Dmp.messaging.incoming.conversation-log.session.timeout.ms=6000",
            "-Dmp.messaging.incoming.conversation-log.heartbeat.interval.ms=1000");

    private final Infrastructure infrastructure;
    final KafkaBroker kafka;
    final TokenIssuer tokens;

    private ProcessInfrastructure(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
        this.kafka = infrastructure.kafka();
        this.tokens = infrastructure.tokens();
    }

    static ProcessInfrastructure start() {
        try {
            return new ProcessInfrastructure(Infrastructure.start(0, 0, Files.createTempDirectory("transcript-it")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts one more instance of the packaged service and returns once it reports ready. */
    ServiceProcess startService(String name) {
        return ServiceProcess.launch(
                        name,
                        JAR,
                        FreePorts.next(),
                        infrastructure.serviceEnvironment(PlatformService.TRANSCRIPT),
                        JVM_OPTIONS,
                        Path.of("target", "packaged-service", name + ".log"))
                .awaitReady(Duration.ofSeconds(90));
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
        return DriverManager.getConnection(
                infrastructure.postgres().jdbcUrl(PlatformService.TRANSCRIPT.database()), PostgresServer.USER, "");
    }

    @Override
    public void close() {
        infrastructure.close();
    }
}
