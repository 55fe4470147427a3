package org.tandem.common.web;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tandem.common.Conflict;
import org.tandem.common.DomainException;
import org.tandem.common.InvalidField;

/**
 * The one translation of domain exceptions into problems, so no entity knows about HTTP. The problem goes through
 * the problem library's post-processing like every other (ProblemDefaults, the instance, the log line).
 */
public class DomainProblems {

    @ServerExceptionMapper
    public Response map(DomainException e, UriInfo uri) {
        HttpProblem problem;
        if (e instanceof Conflict c) {
            problem = Problems.conflict(c.kind(), c.title(), c.getMessage());
        } else if (e instanceof InvalidField f) {
            problem = Problems.invalid(f.field(), "body", f.getMessage());
        } else {
            throw new IllegalStateException("No problem for " + e.getClass().getName());
        }
        return ExceptionMapperBase.postProcessorsRegistry.applyPostProcessing(problem, ProblemContext.of(e, uri))
                .toResponse();
    }
}
