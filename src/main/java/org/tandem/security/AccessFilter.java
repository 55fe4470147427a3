package org.tandem.security;

import jakarta.ws.rs.Priorities;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.ws.rs.container.ResourceInfo;
import lombok.RequiredArgsConstructor;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link AccessRules} on every operation, before anything else of it runs (Bean Validation, the caller
 * lookup, idempotency, the operation's transaction): the one gate, where {@code @RolesAllowed} and a scope filter
 * used to be two.
 */
@RequiredArgsConstructor
public class AccessFilter {

    /** Operation ids by resource method, so a request does not build the string again. */
    private static final Map<Method, String> OPERATIONS = new ConcurrentHashMap<>();

    private final AccessPolicy policy;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void admit(ResourceInfo resource) {
        if (resource != null && resource.getResourceMethod() != null) {
            policy.admit(OPERATIONS.computeIfAbsent(resource.getResourceMethod(), AccessRules::operationId));
        }
    }
}
