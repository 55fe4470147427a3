package org.tandem.crypto;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tandem.common.web.Problems;

/**
 * The one answer to a record that does not decrypt, in every feature: 500 with no text and no detail of the key,
 * and the request id to quote. Notes and addenda keep their own type, which their clients already know.
 */
public class KeyProblems {

    private static final Set<String> NOTE_PURPOSES = Set.of(SealedColumn.NOTE_BODY.purpose(),
            SealedColumn.ADDENDUM_BODY.purpose());

    @ServerExceptionMapper
    public Response unreadable(KeyUnavailableException e) {
        boolean note = NOTE_PURPOSES.contains(e.purpose());
        return HttpProblem.builder()
                .withType(Problems.type(note ? "note-unreadable" : "record-unreadable"))
                .withStatus(500)
                .withTitle(note ? "Note Unreadable" : "Record Unreadable")
                .withDetail("This " + (note ? "note" : "record")
                        + " cannot be decrypted. The incident is logged; quote the X-Request-Id header.")
                .build().toResponse();
    }
}
