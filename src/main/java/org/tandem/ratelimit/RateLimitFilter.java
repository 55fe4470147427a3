package org.tandem.ratelimit;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import lombok.RequiredArgsConstructor;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.tandem.common.web.Problems;
import org.tandem.security.Caller;

/**
 * Rate limits per client on /api/*, with the IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers):
 * {@code RateLimit-Policy: "default";q=600;w=60} and {@code RateLimit: "default";r=599;t=1} on every answer, and
 * 429 with Retry-After when the bucket is empty. Unauthenticated requests are not counted: they are refused anyway.
 */
@RequiredArgsConstructor
public class RateLimitFilter {

    private static final String DECISION = RateLimitFilter.class.getName();

    private final RateLimiter limiter;
    private final Caller caller;

    @ServerRequestFilter
    public void limit(ContainerRequestContext request) {
        if (!limiter.enabled() || !caller.isAuthenticated() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        RateLimiter.Decision d = limiter.consume(caller.clientId(), caller.subject());
        request.setProperty(DECISION, d);
        if (!d.allowed()) {
            HttpProblem.Builder problem = HttpProblem.builder()
                    .withType(Problems.type("rate-limited"))
                    .withStatus(429)
                    .withTitle("Too Many Requests")
                    .withDetail("This client made more requests than its limit allows. Retry after the number of"
                            + " seconds in Retry-After.")
                    .withHeader("Retry-After", String.valueOf(d.resetSeconds()));
            headers(d).forEach(problem::withHeader);
            throw problem.build();
        }
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision d && d.allowed()) {
            headers(d).forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }

    private static java.util.Map<String, String> headers(RateLimiter.Decision d) {
        return java.util.Map.of(
                "RateLimit-Policy", "\"default\";q=" + d.limit() + ";w=" + d.windowSeconds(),
                "RateLimit", "\"default\";r=" + d.remaining() + ";t=" + d.resetSeconds());
    }
}
