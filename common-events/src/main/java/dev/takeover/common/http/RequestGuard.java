package dev.takeover.common.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, before any resource or framework handler sees it, a request no endpoint should process: a target that is too
 * long or carries control characters (PostgreSQL refuses NUL in text), or a body over its endpoint's limit. Each
 * refusal is a problem response like every other error.
 */
@ApplicationScoped
public class RequestGuard {

    /** Before Quarkus' own body-size check (order -2), so a declared oversize body gets a problem response. */
    private static final int BEFORE_BODY_HANDLING = -3;

    private final HttpLimits limits;

    RequestGuard(HttpLimits limits) {
        this.limits = limits;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_BODY_HANDLING).handler(this::guard);
    }

    void guard(RoutingContext context) {
        String target = context.request().uri();
        if (target.length() > limits.maxRequestTargetLength()) {
            refuse(
                    context,
                    Response.Status.REQUEST_URI_TOO_LONG,
                    "the request target is longer than " + limits.maxRequestTargetLength() + " characters");
            return;
        }
        if (hasControlCharacter(decoded(target))) {
            refuse(context, Response.Status.BAD_REQUEST, "the path or query contains a control character");
            return;
        }
        String declaredLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = bodyLimit(context.normalizedPath());
        if (declaredLength != null && exceeds(declaredLength, limit)) {
            refuse(
                    context,
                    Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "the request body is larger than this endpoint accepts (" + limit + " bytes)");
            return;
        }
        context.next();
    }

    long bodyLimit(String path) {
        String longest = null;
        for (String prefix : limits.bodyLimits().keySet()) {
            if (path.startsWith(prefix) && (longest == null || prefix.length() > longest.length())) {
                longest = prefix;
            }
        }
        Map<String, MemorySize> byPath = limits.bodyLimits();
        return (longest == null ? limits.bodyLimit() : byPath.get(longest)).asLongValue();
    }

    private static boolean exceeds(String declaredLength, long limit) {
        try {
            return Long.parseLong(declaredLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the server refuses a malformed length itself
        }
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String decoded(String target) {
        try {
            return URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return target; // a malformed escape is not a control character; the router refuses it on its own
        }
    }

    private static void refuse(RoutingContext context, Response.Status status, String detail) {
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail);
        context.response()
                .setStatusCode(status.getStatusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(problem));
    }
}
