package dev.takeover.agent.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.takeover.agent.Agent;
import dev.takeover.agent.routing.RoutingConfig;
import dev.takeover.common.http.ProblemException;

/** What the console needs before anyone signs in: where the other services are, the time, and the demo identities. */
// Open by design (the console asks before anyone is signed in): documented as needing no token.
@SecurityRequirements
@Path("/console")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Console", description = "Settings of the agents' console, and demo sign-in on the local stack")
public class ConsoleResource {

    private final ConsoleConfig config;
    private final DemoIdentities demo;
    private final RoutingConfig routing;
    private final Clock clock;

    ConsoleResource(ConsoleConfig config, DemoIdentities demo, RoutingConfig routing, Clock clock) {
        this.config = config;
        this.demo = demo;
        this.routing = routing;
        this.clock = clock;
    }

    /**
     * {@code serverTime} lets the console count an offer down against this service's clock, not the browser's, which
     * may be off by minutes.
     */
    public record Settings(
            String transcriptUrl,
            String handoverUrl,
            boolean demoSignIn,
            long offerTimeoutSeconds,
            Instant serverTime) {}

    public record DemoIdentity(String id, String displayName, boolean supervisor) {}

    public record DemoToken(String token) {}

    @GET
    @Path("/settings")
    @Operation(summary = "Where the console finds transcript-service and handover-service, and the server's time")
    public Settings settings() {
        return new Settings(
                config.transcriptUrl(),
                config.handoverUrl(),
                demo.enabled(),
                routing.offer().timeout().toSeconds(),
                clock.instant());
    }

    @GET
    @Path("/demo-identities")
    @Transactional
    @Operation(summary = "The local stack's demo identities (404 unless the service is started with demo tokens)")
    @APIResponse(responseCode = "200", description = "The demo identities")
    @APIResponse(responseCode = "404", description = "Demo sign-in is off")
    public List<DemoIdentity> demoIdentities() {
        requireDemo();
        return demo.list().stream()
                .map(identity -> new DemoIdentity(
                        identity.id(),
                        Agent.<Agent>findByIdOptional(identity.id())
                                .map(agent -> agent.displayName)
                                .orElse(identity.id()),
                        identity.supervisor()))
                .toList();
    }

    /** A POST, so the token travels only in a response body: never in a URL, a history or an access log. */
    @POST
    @Path("/demo-identities/{id}/token")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The bearer token of a demo identity (404 unless the service is started with demo tokens)")
    @APIResponse(responseCode = "200", description = "A token for the identity")
    @APIResponse(responseCode = "404", description = "Demo sign-in is off, or no such identity")
    public DemoToken demoToken(@PathParam("id") String id) {
        requireDemo();
        return demo.token(id)
                .map(DemoToken::new)
                .orElseThrow(() -> ProblemException.notFound("no demo identity " + id));
    }

    private void requireDemo() {
        if (!demo.enabled()) {
            throw ProblemException.notFound("demo sign-in is off: sign in with a token from your identity provider");
        }
    }
}
