package dev.takeover.common.consuming;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import dev.takeover.common.domain.NotReady;
import dev.takeover.common.domain.Refused;
import dev.takeover.events.MalformedEventException;

/** Why processing a batch or a record failed, which decides whether to retry it, look for the culprit, or park it. */
public enum Failure {
    /** The record can never be processed as it is: it is parked at once, alone. */
    MALFORMED,
    /** A use case refuses the event ({@link Refused}): it would every time, so it is parked at once, alone. */
    REFUSED,
    /** The database refuses the data itself (a value out of range, a constraint, a limit): retrying cannot help. */
    REFUSED_DATA,
    /** The database cannot serve us now, or not as deployed: wait for it, and park nothing, since no record is at fault. */
    DATABASE_UNAVAILABLE,
    /**
     * The service itself is still starting ({@link NotReady}, a model not trained yet): wait for it as for the
     * database. Counting it as unexpected parked a relaunched bot's first customer messages while it trained.
     */
    NOT_READY,
    /** Anything else, a bug included: retried a few times, then the record is parked with the failure as its reason. */
    UNEXPECTED;

    /**
     * SQLState classes: connection (08), transaction rollback such as a deadlock (40), the schema or privileges not as
     * the code expects, as during a deployment (42), resources (53), objects not ready such as a lock timeout (55),
     * operator intervention (57) and system errors (58).
     */
    private static final Set<String> UNAVAILABLE = Set.of("08", "40", "42", "53", "55", "57", "58");

    /** Data exceptions (22), integrity constraints (23) and program limits such as an index row too large (54). */
    private static final Set<String> REFUSED_DATA_CLASSES = Set.of("22", "23", "54");

    public static Failure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException) {
                return MALFORMED;
            }
            if (cause instanceof Refused) {
                return REFUSED;
            }
            if (cause instanceof NotReady) {
                return NOT_READY;
            }
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return DATABASE_UNAVAILABLE;
            }
            if (cause instanceof SQLException sql) {
                return ofSqlState(sql.getSQLState());
            }
        }
        return UNEXPECTED;
    }

    /**
     * A batch fails whole while the database or the service is unavailable; otherwise its culprit is looked for
     * record by record.
     */
    public boolean retriesTheWholeBatch() {
        return this == DATABASE_UNAVAILABLE || this == NOT_READY;
    }

    /** Whether a single record is retried after its {@code attempt}-th failure, or parked. */
    public boolean retriesRecord(int attempt, int attempts) {
        return switch (this) {
            case DATABASE_UNAVAILABLE, NOT_READY -> true;
            case UNEXPECTED -> attempt < attempts;
            case MALFORMED, REFUSED, REFUSED_DATA -> false;
        };
    }

    /**
     * The {@code dead-letter-reason} of a record parked for this failure. A refusal's detail is written for whoever
     * reads it, so it travels with the record, though never into a log.
     */
    public String deadLetterReason(Throwable failure) {
        return switch (this) {
            case MALFORMED -> describe(failure);
            case REFUSED -> {
                Refused refused = refusal(failure);
                yield "refused (" + refused.reason() + "): " + refused.getMessage();
            }
            default -> "cannot be processed: " + describe(failure);
        };
    }

    private static Refused refusal(Throwable failure) {
        for (Throwable cause = failure; ; cause = cause.getCause()) {
            if (cause instanceof Refused refused) {
                return refused;
            }
        }
    }

    /**
     * The exception's class and SQLState (or a refusal's reason), never its message: a failure's message may quote the data, and so what a
     * customer wrote. Malformed records are the exception, their reasons are written to name fields, never content.
     */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException malformed) {
                return malformed.getMessage();
            }
        }
        StringBuilder description = new StringBuilder(failure.getClass().getName());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refused refused) {
                return description
                        .append(" (refused: ")
                        .append(refused.reason())
                        .append(')')
                        .toString();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return description
                        .append(" (SQLState ")
                        .append(sql.getSQLState())
                        .append(')')
                        .toString();
            }
        }
        return description.toString();
    }

    /**
     * The failure as it can be logged: the same classes, frames and causes, every message withheld. A bug's stack
     * trace shows where it failed without showing what a customer wrote.
     */
    public static Throwable withoutMessages(Throwable failure) {
        Throwable cause = failure.getCause() == null || failure.getCause() == failure
                ? null
                : withoutMessages(failure.getCause());
        Withheld withheld = new Withheld(failure.getClass().getName(), cause);
        withheld.setStackTrace(failure.getStackTrace());
        return withheld;
    }

    private static final class Withheld extends RuntimeException {
        private Withheld(String className, Throwable cause) {
            super(className + " (message withheld: it may quote data)", cause, false, true);
        }
    }

    // No SQLState means the driver or the pool failed before the server judged anything (an acquisition timeout, say).
    private static Failure ofSqlState(String state) {
        if (state == null || state.length() < 2) {
            return DATABASE_UNAVAILABLE;
        }
        String sqlClass = state.substring(0, 2);
        if (UNAVAILABLE.contains(sqlClass)) {
            return DATABASE_UNAVAILABLE;
        }
        return REFUSED_DATA_CLASSES.contains(sqlClass) ? REFUSED_DATA : UNEXPECTED;
    }
}
