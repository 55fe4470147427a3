package org.tandem.common;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.OptimisticLockException;
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
}
