package dev.takeover.webchat.socket;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.takeover.webchat.store.DeliveryLog;

/**
 * Listens to the delivery log's notifications on a connection of its own and hands them to this instance's sockets.
 * A notification is only a hint: after a reconnect every socket looks for what it may have missed, and a browser that
 * reconnects asks for everything after the last entry it saw. Ready while listening.
 */
@ApplicationScoped
@Readiness
public class LogNotifications implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(LogNotifications.class);
    private static final int WAIT_MILLIS = 500;

    private final Sockets sockets;
    private final String url;
    private final String user;
    private final Optional<String> password;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean listening;
    private Thread worker;

    LogNotifications(
            Sockets sockets,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.sockets = sockets;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::listenUntilStopped, "web-chat-log-notifications");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        stopped.countDown();
        worker.join(WAIT_MILLIS * 4L);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Delivery log notifications")
                .status(listening)
                .build();
    }

    private void listenUntilStopped() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password.orElse(""))) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + DeliveryLog.CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                sockets.appendedAnywhere();
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            sockets.appended(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warnf("not listening to the delivery log, retrying: SQLState %s", e.getSQLState());
                    pause();
                }
            } finally {
                listening = false;
            }
        }
    }

    private void pause() {
        try {
            stopped.await(WAIT_MILLIS * 2L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }
}
