package dev.takeover.transcript.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.takeover.common.http.ProblemException;
import dev.takeover.common.http.Roles;
import dev.takeover.transcript.analytics.Analytics;
import dev.takeover.transcript.analytics.AnalyticsCsv;
import dev.takeover.transcript.analytics.AnalyticsSummary;
import dev.takeover.transcript.analytics.GroupBy;

/** Supervisors' analytics over the read model the log keeps; {@code from}/{@code to} select by conversation start. */
@Path("/analytics")
@RolesAllowed(Roles.SUPERVISOR)
public class AnalyticsResource {

    static final String CSV = "text/csv";
    private static final Duration DEFAULT_RANGE = Duration.ofDays(7);

    private final Analytics analytics;

    AnalyticsResource(Analytics analytics) {
        this.analytics = analytics;
    }

    @Operation(summary = "Volume, containment, handovers, times, cost and where the bot fails, for a range")
    @APIResponse(
            responseCode = "200",
            description = "The summary; as CSV when the request accepts text/csv before JSON",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = AnalyticsSummary.class)),
                @Content(mediaType = CSV)
            })
    @GET
    @Path("/summary")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response summary(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy,
            @Context HttpHeaders headers) {
        AnalyticsSummary summary = summaryOf(from, to, groupBy);
        boolean csvFirst = headers.getAcceptableMediaTypes().stream()
                .filter(type ->
                        type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isCompatible(MediaType.valueOf(CSV)))
                .findFirst()
                .map(type -> !type.isWildcardType() && type.isCompatible(MediaType.valueOf(CSV)))
                .orElse(false);
        return csvFirst
                ? Response.ok(AnalyticsCsv.of(summary), CSV).build()
                : Response.ok(summary, MediaType.APPLICATION_JSON).build();
    }

    @Operation(summary = "The analytics summary as CSV: one row for the range, then one per group")
    @APIResponse(responseCode = "200", description = "The summary as CSV", content = @Content(mediaType = CSV))
    @GET
    @Path("/summary.csv")
    @Produces(CSV)
    public String summaryCsv(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy) {
        return AnalyticsCsv.of(summaryOf(from, to, groupBy));
    }

    private AnalyticsSummary summaryOf(String from, String to, String groupBy) {
        GroupBy grouping = groupBy == null || groupBy.isBlank()
                ? GroupBy.DAY
                : GroupBy.named(groupBy)
                        .orElseThrow(() -> ProblemException.badRequest(
                                "groupBy must be day, channel, language, reason or intent"));
        Instant end = to == null || to.isBlank() ? analytics.now() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_RANGE) : instant("from", from);
        return analytics.summary(start, end, grouping);
    }

    /** An instant ({@code 2026-11-23T10:00:00Z}) or a date, which means its start in UTC. */
    private static Instant instant(String name, String value) {
        try {
            return value.contains("T")
                    ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant or date, such as 2026-11-23");
        }
    }
}
