package dev.takeover.agent.console;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every response under {@code /console} forbids inline scripts and styles, plugins, framing and foreign origins,
 * except the two services the console calls. Customer text is rendered as text anyway; this is the second wall.
 */
@ApplicationScoped
public class ConsoleHeaders {

    private final String policy;

    ConsoleHeaders(ConsoleConfig config) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(origin(config.transcriptUrl()));
        connect.add(origin(config.handoverUrl()));
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " font-src 'self'; connect-src " + String.join(" ", connect) + "; base-uri 'none';"
                + " form-action 'none'; frame-ancestors 'none'";
    }

    public String policy() {
        return policy;
    }

    void install(@Observes Router router) {
        router.routeWithRegex("/console").order(-200).handler(context -> context.redirect("/console/"));
        router.routeWithRegex("/console/.*").order(-200).handler(this::secure);
    }

    private void secure(RoutingContext context) {
        context.response()
                .putHeader("Content-Security-Policy", policy)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Cache-Control", "no-cache");
        context.next();
    }

    static String origin(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("takeover.console: '" + url + "' is not an absolute http(s) URL");
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
