package org.tandem.common.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Quarkus REST ships its own mapper for a JSON value of the wrong type, whose body is not a problem and names
 * Java types. This one takes precedence and goes through the problem pipeline, where {@link ProblemDefaults} adds
 * the type, a fixed detail and the field.
 */
@Provider
@Priority(Priorities.USER - 100)
public class MismatchedInputProblemMapper extends ExceptionMapperBase<MismatchedInputException> {

    @Override
    protected HttpProblem toProblem(MismatchedInputException exception) {
        return HttpProblem.valueOf(Response.Status.BAD_REQUEST);
    }
}
