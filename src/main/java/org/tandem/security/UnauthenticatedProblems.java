package org.tandem.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tandem.common.web.Problems;

/**
 * No token, or one that does not verify: 401 as a problem, with the Bearer challenge (RFC 6750). Ahead of the
 * problem library's own mappers, which read a field of Quarkus's challenge that Quarkus 3.33 no longer has and
 * answered 500 (quarkus-resteasy-problem 3.21.0 is the newest version this project can resolve).
 */
public class UnauthenticatedProblems {

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response failed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response incomplete(AuthenticationCompletionException e) {
        return unauthenticated();
    }

    private static Response unauthenticated() {
        return HttpProblem.builder()
                .withType(Problems.type("unauthenticated"))
                .withStatus(401)
                .withTitle("Unauthorized")
                .withDetail("A valid access token is required.")
                .withHeader("WWW-Authenticate", "Bearer")
                .build().toResponse();
    }
}
