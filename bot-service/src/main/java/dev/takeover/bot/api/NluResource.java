package dev.takeover.bot.api;

import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.takeover.bot.Bot;
import dev.takeover.bot.nlu.CatalogueStore;
import dev.takeover.bot.nlu.InvalidCatalogueException;
import dev.takeover.bot.nlu.LanguageDetector;
import dev.takeover.bot.nlu.Nlu;
import dev.takeover.bot.nlu.TrainingPhrase;
import dev.takeover.bot.nlu.TrainingReport;
import dev.takeover.common.http.HasText;
import dev.takeover.common.http.Problem;
import dev.takeover.common.http.ProblemException;
import dev.takeover.common.http.Roles;
import dev.takeover.events.bot.MessageAnalyzed;
import dev.takeover.events.bot.MessageAnalyzed.Intent;
import dev.takeover.events.bot.MessageAnalyzed.Sentiment;

/**
 * The NLU over HTTP: analyse a text (any agent or supervisor), read the intent catalogue or replace it (supervisors:
 * the catalogue is the bot's knowledge of the business, and replacing it retrains the bot).
 */
@Path("/nlu")
@Produces(MediaType.APPLICATION_JSON)
public class NluResource {

    /** Far beyond any chat message; the analysis reads the beginning of anything long anyway. */
    static final int MAX_TEXT = 200_000;

    private final Bot bot;
    private final Nlu nlu;
    private final CatalogueStore catalogues;

    NluResource(Bot bot, Nlu nlu, CatalogueStore catalogues) {
        this.bot = bot;
        this.nlu = nlu;
        this.catalogues = catalogues;
    }

    public record AnalyzeRequest(@HasText String text, String language, String conversationId) {}

    /** The analysis fields of {@code bot.message-analyzed.v1}. */
    public record Analysis(
            String language,
            Intent intent,
            Sentiment sentiment,
            double frustration,
            boolean humanRequested,
            boolean outOfScope,
            List<Intent> alternatives,
            Boolean rejectedBotAnswer,
            List<String> signals,
            MessageAnalyzed.Critical critical) {

        static Analysis of(MessageAnalyzed analysis) {
            return new Analysis(
                    analysis.language(),
                    analysis.intent(),
                    analysis.sentiment(),
                    analysis.frustration(),
                    analysis.humanRequested(),
                    analysis.outOfScope(),
                    analysis.alternatives(),
                    analysis.rejectedBotAnswer(),
                    analysis.signals(),
                    analysis.critical());
        }
    }

    @Operation(
            summary =
                    "Analyses a text as the bot does: language, intent, sentiment, a request for a person, a critical issue")
    @POST
    @Path("/analyze")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Analysis analyze(@Valid @NotNull AnalyzeRequest request) {
        if (request.text().length() > MAX_TEXT) {
            throw new ProblemException(
                    Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "text has " + request.text().length() + " characters; at most " + MAX_TEXT + " are analysed");
        }
        String language = request.language() == null || request.language().isBlank() ? null : request.language();
        if (language != null && !LanguageDetector.SUPPORTED.contains(language)) {
            throw ProblemException.badRequest("language is not supported; use one of "
                    + String.join(", ", LanguageDetector.SUPPORTED) + " or leave it out to detect it");
        }
        return Analysis.of(bot.analyse(request.text(), language, request.conversationId()));
    }

    @Operation(summary = "The intent catalogue in use, as training phrases")
    @GET
    @Path("/catalogue")
    @RolesAllowed(Roles.SUPERVISOR)
    public List<TrainingPhrase> catalogue() {
        return nlu.catalogue().phrases();
    }

    /** A JSON array or JSON Lines of {@code {"text", "intent", "language"?}}; trains before it answers. */
    @Operation(
            summary =
                    "Replaces the intent catalogue with NDJSON training phrases; analysis goes on with the old one while the new one trains")
    @PUT
    @Path("/catalogue")
    @RolesAllowed(Roles.SUPERVISOR)
    @Consumes({MediaType.APPLICATION_JSON, "application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
    public TrainingReport replaceCatalogue(String body) {
        return catalogues.replace(body);
    }

    @ServerExceptionMapper
    public Response invalidCatalogue(InvalidCatalogueException e) {
        Problem problem = new Problem(
                "about:blank",
                "Invalid catalogue",
                Response.Status.BAD_REQUEST.getStatusCode(),
                String.join("; ", e.problems()) + ". The catalogue in use is unchanged.");
        return Response.status(Response.Status.BAD_REQUEST)
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
