package dev.takeover.agent.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import dev.takeover.common.http.Problem;

/**
 * Missing or invalid tokens and missing roles get problem responses like every other error. Kept in this service
 * rather than in common-events because only the services with JWT security have these exception types.
 */
public class SecurityProblems {

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return withChallenge(Problem.response(Response.Status.UNAUTHORIZED, "a valid bearer token is required"));
    }

    @ServerExceptionMapper
    public Response invalidToken(AuthenticationFailedException e) {
        return withChallenge(
                Problem.response(Response.Status.UNAUTHORIZED, "the bearer token is invalid or has expired"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "this needs the role agent or, for some calls, supervisor");
    }

    private static Response withChallenge(Response response) {
        return Response.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
