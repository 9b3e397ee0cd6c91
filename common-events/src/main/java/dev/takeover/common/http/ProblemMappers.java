package dev.takeover.common.http;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import dev.takeover.common.domain.Refused;

/** Every failed request gets a problem response that says what was wrong, never a bare status or a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Where code that refuses a value on purpose lives. */
    private static final String OUR_CODE = "dev.takeover.";

    @ServerExceptionMapper
    public Response refused(Refused e) {
        Response.Status status = switch (e.reason()) {
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case NOT_ALLOWED -> Response.Status.FORBIDDEN;
            case INVALID -> Response.Status.BAD_REQUEST;
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
        };
        return Problem.response(status, e.getMessage());
    }

    /**
     * A failure no input should cause: the caller learns only that it happened. The log names the failure's class and
     * where it happened, never its message, which may quote what a customer wrote.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf("request failed unexpectedly: %s", Failures.describe(e));
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "the service failed unexpectedly; it is logged");
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e) {
        return Problem.response(e.status(), e.getMessage());
    }

    /**
     * A request that breaks a Bean Validation constraint: 400, naming each field and constraint. A violated constraint
     * on a return value is a failure of ours, answered as {@link #unexpected}.
     */
    @ServerExceptionMapper
    public Response violated(ConstraintViolationException e) {
        if (Violations.ofReturnValue(e.getConstraintViolations())) {
            return unexpected(e);
        }
        return Problem.response(Response.Status.BAD_REQUEST, Violations.describe(e.getConstraintViolations()));
    }

    /** A body whose values the request type's constructor refused: 400, saying where and, when it was ours, why. */
    @ServerExceptionMapper
    public Response invalidValue(ValueInstantiationException e) {
        return Problem.response(Response.Status.BAD_REQUEST, invalidValueDetail(e));
    }

    /**
     * The constructor's own words reach the caller only when our code refused the value on purpose, with an
     * IllegalArgumentException it threw itself ("text is required", from {@code Fields}). Anything else describes our
     * internals, not the request: a NullPointerException's "Cannot invoke ... because ... is null", a library's parser
     * message, a class name.
     */
    private static String invalidValueDetail(ValueInstantiationException e) {
        String detail = "the request body is invalid" + at(e);
        Throwable reason = e.getCause();
        return reason != null && reason.getMessage() != null && refusedOnPurpose(reason)
                ? detail + ": " + reason.getMessage()
                : detail + ": a value is missing or not allowed";
    }

    private static boolean refusedOnPurpose(Throwable reason) {
        StackTraceElement[] frames = reason.getStackTrace();
        return reason instanceof IllegalArgumentException
                && frames.length > 0
                && frames[0].getClassName().startsWith(OUR_CODE);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return Problem.response(Response.Status.BAD_REQUEST, describe(e));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return Problem.response(
                Response.Status.BAD_REQUEST,
                e instanceof JsonMappingException mapping
                        ? describe(mapping)
                        : "the request body is not valid JSON: " + e.getOriginalMessage());
    }

    /** The framework wraps an unreadable body in a bare 400; the cause says what was actually wrong. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof ValueInstantiationException invalid) {
            return invalidValue(invalid);
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable);
        }
        return Problem.response(e.getResponse().getStatusInfo(), e.getMessage());
    }

    private static String describe(JsonMappingException e) {
        return "the request body is invalid" + at(e) + ": " + e.getOriginalMessage();
    }

    private static String at(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .map(path -> " at '" + path + "'")
                .orElse("");
    }
}
