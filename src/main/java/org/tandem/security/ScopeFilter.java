package org.tandem.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tandem.common.Problems;

/**
 * Checks an integration's token for the scope its operation requires (RFC 6750: 403 insufficient_scope, naming
 * the scope in WWW-Authenticate). An operation without @RequiresScope is closed to integrations whatever the
 * roles say: deny by default.
 */
public class ScopeFilter {

    private final Caller caller;

    ScopeFilter(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter
    public void requireScope(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null || !caller.isAuthenticated()
                || !caller.isIntegration()) {
            return;
        }
        RequiresScope required = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        if (required == null) {
            throw Problems.forbidden("forbidden", "Integrations may not use this operation.");
        }
        if (!caller.hasScope(required.value())) {
            HttpProblem problem = HttpProblem.builder()
                    .withType(Problems.type("insufficient-scope"))
                    .withStatus(403)
                    .withTitle("Forbidden")
                    .withDetail("Your token lacks the scope this operation requires.")
                    .with("scope", required.value())
                    .withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\""
                            + required.value() + "\"")
                    .build();
            throw problem;
        }
    }
}
