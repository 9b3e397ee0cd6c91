package dev.takeover.common.domain;

/**
 * The domain refuses what was asked, and says why in words a caller can act on. Domain code throws it without knowing
 * about HTTP; the HTTP layer gives each {@link Reason} its status (see {@code ProblemMappers}).
 */
public class Refused extends RuntimeException {

    public enum Reason {
        /** What the request names does not exist (or is not visible to the caller). */
        NOT_FOUND,
        /** It exists, but its state does not allow this now. */
        CONFLICT,
        /** The caller may not do this. */
        NOT_ALLOWED,
        /** The request itself is wrong: a value out of range, a missing field. */
        INVALID,
        /** Something the request carries is larger than allowed. */
        TOO_LARGE
    }

    private final Reason reason;

    public Refused(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public static Refused notFound(String detail) {
        return new Refused(Reason.NOT_FOUND, detail);
    }

    public static Refused conflict(String detail) {
        return new Refused(Reason.CONFLICT, detail);
    }

    public static Refused notAllowed(String detail) {
        return new Refused(Reason.NOT_ALLOWED, detail);
    }

    public static Refused invalid(String detail) {
        return new Refused(Reason.INVALID, detail);
    }

    public static Refused tooLarge(String detail) {
        return new Refused(Reason.TOO_LARGE, detail);
    }

    public Reason reason() {
        return reason;
    }

    /** The detail is written for the caller; no stack trace is needed to understand a refusal. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
