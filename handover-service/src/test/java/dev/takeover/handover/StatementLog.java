package dev.takeover.handover;

import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * The SQL statements Hibernate prepares on the calling thread while a test's block runs: the service's own consumers
 * and its timer job run on other threads and are not counted. A JDBC batch of updates is prepared, and counted, once.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementLog implements StatementInspector {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        List<String> recording = RECORDING.get();
        if (recording != null) {
            recording.add(sql);
        }
        return sql;
    }

    /** The statements {@code block} prepared, in order. */
    static List<String> of(Runnable block) {
        List<String> recording = new ArrayList<>();
        RECORDING.set(recording);
        try {
            block.run();
        } finally {
            RECORDING.remove();
        }
        return List.copyOf(recording);
    }
}
