package dev.takeover.agent.api;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import dev.takeover.common.domain.Caller;
import dev.takeover.common.http.ProblemException;
import dev.takeover.common.http.Roles;

/** The authenticated agent behind the current request, from the bearer token. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        String id = token.getName();
        if (id == null || id.isBlank()) {
            throw ProblemException.forbidden("the token names no agent (upn)");
        }
        String name = token.getClaim("name");
        return new Caller(id, name == null ? id : name, identity.hasRole(Roles.SUPERVISOR));
    }

    /** The agent themselves or a supervisor. */
    public Caller requireSelfOrSupervisor(String agentId) {
        Caller caller = get();
        if (!caller.supervisor() && !caller.is(agentId)) {
            throw ProblemException.forbidden(caller.id() + " may only act for themselves; supervisors for anyone");
        }
        return caller;
    }
}
