package org.tandem.idempotency;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Carries a replayed response out of a resource method whose declared type is its body record, not
 * {@link Response}: an interceptor cannot return a Response in its place, so it throws this, and the mapper sends the
 * response as it is.
 */
final class Replayed extends RuntimeException {

    private final transient Response response;

    Replayed(Response response) {
        super(null, null, false, false);
        this.response = response;
    }

    @Provider
    static final class Mapper implements ExceptionMapper<Replayed> {
        @Override
        public Response toResponse(Replayed replayed) {
            return replayed.response;
        }
    }
}
