package dev.takeover.transcript;

import java.sql.SQLException;

/**
 * The database refused a batch. Carries only the SQLState and the exception's class: PostgreSQL's own message may
 * quote the JSON it rejected, and this exception is logged.
 */
public class StoreFailure extends RuntimeException {

    private final String reason;
    private final boolean rejectsData;

    private StoreFailure(String reason, boolean rejectsData) {
        super(reason, null, false, false);
        this.reason = reason;
        this.rejectsData = rejectsData;
    }

    /**
     * The data itself is unacceptable when the SQLState is of class 22 (data exception), 23 (integrity violation) or
     * 54 (program limit, such as an index row too large): retrying cannot help. Anything else is the database's or
     * the network's trouble, and passes.
     */
    public static StoreFailure of(SQLException e) {
        String state = e.getSQLState();
        boolean rejectsData =
                state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
        return new StoreFailure("SQLState " + state + " (" + e.getClass().getSimpleName() + ")", rejectsData);
    }

    /** A failure that is not the database's and kept recurring: treated like refused data, so it cannot block. */
    public static StoreFailure unexpected(RuntimeException e) {
        return new StoreFailure("unexpected " + e.getClass().getName(), true);
    }

    public boolean rejectsData() {
        return rejectsData;
    }

    public String reason() {
        return reason;
    }
}
