package dev.takeover.transcript.privacy;

import java.sql.SQLException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.takeover.events.MalformedEventException;

/**
 * The last line of defence for "logs never contain message text": the service itself logs no payload, but a
 * framework may. Personal data in any log message is masked, and exceptions known to quote the data they failed on
 * (JSON parsing, contract validation, PostgreSQL's data exceptions) keep their class and stack but lose their message.
 */
@LoggingFilter(name = "redact-personal-data")
public final class RedactingLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord extended ? extended.getFormattedMessage() : record.getMessage();
        if (message != null) {
            String masked = PiiMasker.EVERY_KIND.mask(message);
            if (!masked.equals(message)) {
                if (record instanceof ExtLogRecord extended) {
                    extended.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                } else {
                    record.setMessage(masked);
                }
                record.setParameters(null);
            }
        }
        if (record.getThrown() != null && quotesData(record.getThrown())) {
            record.setThrown(Redacted.of(record.getThrown()));
        }
        return true;
    }

    static boolean quotesData(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException || cause instanceof MalformedEventException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** Stands in for an exception whose message is withheld: same class name and stack, same chain of causes. */
    static final class Redacted extends RuntimeException {

        private Redacted(String className, Throwable cause) {
            super(className + " (message withheld: it may quote message text)", cause, false, true);
        }

        static Throwable of(Throwable original) {
            Throwable cause =
                    original.getCause() == null || original.getCause() == original ? null : of(original.getCause());
            Redacted redacted = new Redacted(original.getClass().getName(), cause);
            redacted.setStackTrace(original.getStackTrace());
            return redacted;
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
