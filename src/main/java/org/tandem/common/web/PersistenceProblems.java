package org.tandem.common.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Database outcomes that are the client's to resolve, not server errors. */
public class PersistenceProblems {

    /** Two writers raced past the If-Match check: the loser's change is refused, never merged silently. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale() {
        HttpProblem problem = Problems.stale();
        return problem.toResponse();
    }

    /**
     * Two requests created the same thing at the same moment and a unique key refused the second: a conflict for the
     * client to resolve by reading again. Any other broken constraint is a bug, and says so.
     */
    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        if (e.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
            return Problems.conflict("duplicate", "Duplicate",
                    "The same record was created by another request at the same moment. Read it and retry if needed.")
                    .toResponse();
        }
        return internalError();
    }

    /**
     * The database gave up waiting for a lock (a deadlock it broke, or a lock-wait timeout). The transaction was
     * rolled back, so nothing is half-written, and the same request will very likely succeed now.
     */
    @ServerExceptionMapper({LockAcquisitionException.class, PessimisticLockException.class, LockTimeoutException.class})
    public Response lockContention() {
        return Problems.conflict("concurrent-update", "Concurrent Update",
                "Another change to the same records happened at the same moment. Nothing was saved; retry the request.")
                .toResponse();
    }

    private static Response internalError() {
        return HttpProblem.builder().withType(Problems.type("internal-error")).withStatus(500)
                .withTitle("Internal Server Error")
                .withDetail("Something went wrong on our side. Quote the X-Request-Id header when you report it.")
                .build().toResponse();
    }
}
