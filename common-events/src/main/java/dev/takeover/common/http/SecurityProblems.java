package dev.takeover.common.http;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Missing or invalid tokens and missing roles get problem responses like every other refusal, in every service. */
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
        return Problem.response(Response.Status.FORBIDDEN, "the groups in the bearer token do not allow this request");
    }

    private static Response withChallenge(Response response) {
        return Response.fromResponse(response)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }
}
