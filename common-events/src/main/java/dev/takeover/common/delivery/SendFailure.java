package dev.takeover.common.delivery;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Why the producer did not deliver one outbox event, and whether sending it again can help.
 *
 * <ul>
 *   <li>A retriable error (the broker unreachable, a leader moving, a timeout) is about the moment: the event is sent
 *       again, and so are authentication and authorisation failures, which are about the service, not the event.
 *   <li>Any other error the broker or the producer gives for this one record (too large, refused by the broker) will
 *       come back every time: the event is set aside with this reason, so it blocks nothing behind it.
 * </ul>
 */
record SendFailure(boolean retriable, String reason) {

    static SendFailure of(Throwable failure) {
        Throwable cause = unwrap(failure);
        String reason =
                cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new SendFailure(retriable(cause), reason);
    }

    private static boolean retriable(Throwable cause) {
        if (cause instanceof RetriableException
                || cause instanceof AuthenticationException
                || cause instanceof AuthorizationException) {
            return true;
        }
        // The producer refused this record, or the broker answered for it: sending it again gets the same answer.
        // Anything else (the producer closing, an interrupted wait) is about the moment.
        return !(cause instanceof ApiException || cause instanceof SerializationException);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
