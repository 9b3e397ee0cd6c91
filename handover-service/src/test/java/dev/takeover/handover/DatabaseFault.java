package dev.takeover.handover;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fault injected into the real database: a trigger that fails writes to a table matching a condition with a chosen
 * SQLState, until closed. It lets a test decide which record of a batch fails, and why.
 */
final class DatabaseFault implements AutoCloseable {

    private final DataSource dataSource;
    private final String name = "test_fault_" + UUID.randomUUID().toString().replace("-", "");
    private final String table;

    private DatabaseFault(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** Writes to {@code table} for which {@code condition} (over {@code new}) holds fail with {@code sqlState}. */
    static DatabaseFault failing(DataSource dataSource, String table, String condition, String sqlState) {
        DatabaseFault fault = new DatabaseFault(dataSource, table);
        fault.execute("create function " + fault.name + "() returns trigger language plpgsql as $$ begin if "
                + condition + " then raise exception 'injected fault' using errcode = '" + sqlState
                + "'; end if; return new; end $$");
        fault.execute("create trigger " + fault.name + " before insert or update on " + table
                + " for each row execute function " + fault.name + "()");
        return fault;
    }

    @Override
    public void close() {
        execute("drop trigger if exists " + name + " on " + table);
        execute("drop function if exists " + name + "()");
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the injected fault", e);
        }
    }
}
