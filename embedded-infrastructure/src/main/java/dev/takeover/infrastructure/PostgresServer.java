package dev.takeover.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server, run from the binaries that zonky ships on Maven Central. */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres postgres;

    private PostgresServer(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** Starts on the given port, or on a free one when the port is 0, with a fresh data directory. */
    public static PostgresServer start(int port) {
        try {
            PostgresServer server =
                    new PostgresServer(port == 0 ? FreePorts.next() : port, Files.createTempDirectory("postgres-data"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("no directory for PostgreSQL's data", e);
        }
    }

    /** Starts the server, or starts it again after {@link #stop()} on the same port with the data it had. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /** Stops the server (fast shutdown: open connections are cut) and keeps its data for {@link #start()}. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            postgres = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }

    private synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is stopped");
        }
        return postgres;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Each service owns its own database; this creates it unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists =
                    statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDirectory, e);
        }
    }
}
