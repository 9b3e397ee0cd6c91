package dev.takeover.delivery;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

import dev.takeover.common.delivery.DeliveryConfig;
import dev.takeover.common.delivery.OutboxRelay;

/**
 * Another instance of the service as far as publishing goes: its own relay, producer and database connections on the
 * same database and broker as the service under test. It can be stopped, or crash: its connections are cut by the
 * database and it cannot open new ones, as when its process dies.
 */
final class PeerInstance implements AutoCloseable {

    final String name;
    final OutboxRelay relay;
    private final Producer<String, byte[]> producer;
    private final Connections connections;
    private boolean stopped;

    PeerInstance(String name, String jdbcUrl, String bootstrapServers, DeliveryConfig config) {
        this(name, jdbcUrl, bootstrapServers, config, UnaryOperator.identity());
    }

    PeerInstance(
            String name,
            String jdbcUrl,
            String bootstrapServers,
            DeliveryConfig config,
            UnaryOperator<Producer<String, byte[]>> producerWrapper) {
        this.name = name;
        Map<String, Object> settings = outboxProducerSettings(bootstrapServers);
        producer =
                producerWrapper.apply(new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer()));
        connections = new Connections(jdbcUrl, name);
        relay = new OutboxRelay(name, connections, () -> producer, config);
        relay.start();
    }

    /** The producer settings of the service's own outbox channel, so a peer sends exactly as the service does. */
    static Map<String, Object> outboxProducerSettings(String bootstrapServers) {
        String prefix = "mp.messaging.outgoing.outbox.";
        Set<String> channelOnly = Set.of("connector", "topic", "cloud-events", "key.serializer", "value.serializer");
        Config config = ConfigProvider.getConfig();
        Map<String, Object> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix) && !channelOnly.contains(name.substring(prefix.length()))) {
                settings.put(name.substring(prefix.length()), config.getValue(name, String.class));
            }
        }
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings;
    }

    /** As a process that dies: the database ends its sessions, so its locks go, and it never connects again. */
    void crash(DataSource admin) throws SQLException {
        connections.cut = true;
        try (Connection connection = admin.getConnection();
                PreparedStatement terminate = connection.prepareStatement(
                        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
            terminate.setString(1, name);
            terminate.execute();
        }
    }

    void stop() throws InterruptedException {
        if (!stopped) {
            stopped = true;
            relay.stop();
            producer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** Plain connections named after the instance, so the database can tell whose they are. */
    private static final class Connections implements DataSource {

        private final PGSimpleDataSource postgres = new PGSimpleDataSource();
        private volatile boolean cut;

        Connections(String jdbcUrl, String name) {
            postgres.setUrl(jdbcUrl);
            postgres.setUser("postgres");
            postgres.setApplicationName(name);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (cut) {
                throw new SQLNonTransientConnectionException("this instance has crashed", "08006");
            }
            return postgres.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
