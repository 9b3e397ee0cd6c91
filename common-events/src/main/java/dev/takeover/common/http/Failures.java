package dev.takeover.common.http;

/** Describes a failure for a log line by its classes and where it happened, leaving out messages that may quote data. */
final class Failures {

    private Failures() {}

    static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (description.length() > 0) {
                description.append(" caused by ");
            }
            description.append(cause.getClass().getName());
            StackTraceElement[] frames = cause.getStackTrace();
            if (frames.length > 0) {
                description.append(" at ").append(frames[0]);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return description.toString();
    }
}
