package org.tandem.audit;

import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.tandem.security.Caller;

/**
 * Audits denied and failed requests in one place, including those that never reach a service: a role check that
 * fails (403), a record that is not the caller's (404), invalid or stale input. Successes are audited by the
 * services, in their transactions. Unauthenticated requests (401) carry no verified identity and no clinic, so they
 * are counted in the HTTP metrics, not in a clinic's audit log.
 */
@RequiredArgsConstructor
public class AuditFailureFilter {

    private static final Logger LOG = Logger.getLogger(AuditFailureFilter.class);

    private final AuditLog auditLog;
    private final Caller caller;

    @ServerResponseFilter
    public void auditFailure(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        int status = response.getStatus();
        if (status < 400 || status == 401 || resource == null || resource.getResourceClass() == null
                || !caller.isAuthenticated()) {
            return;
        }
        AuditedRecord audited = resource.getResourceClass().getAnnotation(AuditedRecord.class);
        if (audited == null) {
            return;
        }
        AuditLog.Actor actor = auditLog.actor();
        String action = request.getMethod() + " " + route(resource);
        String recordId = request.getUriInfo().getPathParameters().getFirst(audited.idParam());
        Runnable write = () -> {
            try {
                auditLog.failure(actor, action, audited.value(), recordId, status);
            } catch (RuntimeException e) {
                LOG.errorf("Could not write the audit event of a failed request %s (%s)", actor.requestId(),
                        e.getClass().getSimpleName());
            }
        };
        if (BlockingOperationControl.isBlockingAllowed()) {
            write.run();
        } else {
            Infrastructure.getDefaultWorkerPool().execute(write);
        }
    }

    private static String route(ResourceInfo resource) {
        Path classPath = resource.getResourceClass().getAnnotation(Path.class);
        Method method = resource.getResourceMethod();
        Path methodPath = method == null ? null : method.getAnnotation(Path.class);
        String route = (classPath == null ? "" : classPath.value()) + (methodPath == null ? "" : "/" + methodPath.value());
        return route.replace("//", "/");
    }
}
