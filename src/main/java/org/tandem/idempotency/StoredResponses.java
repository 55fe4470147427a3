package org.tandem.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.Problems;
import org.tandem.common.web.ShownOnce;
import org.tandem.common.web.Versions;
import org.tandem.couple.CoupleRepository;
import org.tandem.crypto.ClinicCipher;
import org.tandem.scheduling.SeriesRepository;
import org.tandem.scheduling.SessionRepository;
import org.tandem.security.AccessScope;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;

/**
 * What an idempotency record keeps of a response, and how it is given back. The body is sealed under the clinic's
 * data key (as note text is), with the record's id as its context, and without the secrets a response shows once
 * ({@link ShownOnce}): the table holds no clinical text, feed URL or webhook secret in the clear. A replay first
 * asks again whether the caller still reaches the couple, session or series the request was about (a therapist
 * taken off the couple since gets 404, as a read would), and is audited like a read.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class StoredResponses {

    static final String PURPOSE = org.tandem.crypto.SealedColumn.IDEMPOTENT_RESPONSE.purpose();
    /** The record a request was about: the first couple, session or series in its path (or in its Location). */
    private static final Pattern ANCHOR = Pattern.compile(
            "^/api/v1/(couples|sessions|session-series)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
                    + "-[0-9a-fA-F]{12})(?:/|$)");

    private final ClinicCipher cipher;
    private final ObjectMapper json;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final CoupleRepository couples;
    private final SessionRepository sessions;
    private final SeriesRepository series;

    /** The response of a first request, as its record {@code id} keeps it. */
    @Transactional
    public IdempotencyStore.Stored keep(UUID id, Response response) throws Exception {
        Object entity = response.getEntity();
        UUID keyId = null;
        byte[] sealed = null;
        if (entity != null) {
            ClinicCipher.Sealed s = cipher.sealerFor(caller.clinicId()).seal(PURPOSE, id, withoutSecrets(entity));
            keyId = s.keyId();
            sealed = s.ciphertext();
        }
        return new IdempotencyStore.Stored(id, response.getStatus(), entity == null ? null : MediaType.APPLICATION_JSON,
                response.getLocation() == null ? null : response.getLocation().toString(),
                Optional.ofNullable(response.getEntityTag()).or(() -> Versions.etagOf(entity)).map(EntityTag::toString)
                        .orElse(null), keyId, sealed);
    }

    /**
     * The stored response again, with {@code Idempotent-Replayed: true}, if the caller still reaches what it is
     * about; otherwise 404. The audit event names the couple, session or series the request was about, or else
     * {@code recordType}, the resource's own.
     */
    @Transactional
    public Response replay(IdempotencyStore.Stored stored, String requestPath, String recordType) {
        Matcher anchor = anchor(stored.location(), requestPath);
        if (anchor != null) {
            UUID anchorId = UUID.fromString(anchor.group(2));
            audit.success("idempotency.replay", requireVisible(anchor.group(1), anchorId), anchorId);
        } else {
            audit.success("idempotency.replay", recordType, null);
        }
        Response.ResponseBuilder r = Response.status(stored.status()).header(IdempotencyInterceptor.REPLAYED, "true");
        if (stored.body() != null) {
            r.entity(cipher.open(stored.bodyKeyId(), PURPOSE, stored.id(), stored.body())).type(stored.contentType());
        }
        if (stored.location() != null) {
            r.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            r.tag(EntityTag.valueOf(stored.etag()));
        }
        return r.build();
    }

    /** The record's type, for the audit event, if the caller still reaches it; otherwise 404. */
    private String requireVisible(String kind, UUID id) {
        AccessScope scope = access.reach();
        String type = switch (kind) {
            case "couples" -> "couple";
            case "sessions" -> "session";
            default -> "series";
        };
        boolean visible = switch (type) {
            case "couple" -> couples.findVisible(scope, id).isPresent();
            case "session" -> sessions.findVisible(scope, id).isPresent();
            default -> series.findVisible(scope, id).isPresent();
        };
        if (!visible) {
            throw Problems.notFound(type);
        }
        return type;
    }

    /** The request path's record, or for a creation at a collection (POST /couples) the created one. */
    private static Matcher anchor(String location, String requestPath) {
        Matcher m = ANCHOR.matcher(requestPath);
        if (m.find()) {
            return m;
        }
        if (location != null) {
            Matcher created = ANCHOR.matcher(URI.create(location).getPath());
            if (created.find()) {
                return created;
            }
        }
        return null;
    }

    /** The body as JSON, with every {@link ShownOnce} component of a record set to null. */
    private String withoutSecrets(Object entity) throws Exception {
        String body = json.writeValueAsString(entity);
        if (!entity.getClass().isRecord()) {
            return body;
        }
        ObjectNode tree = null;
        for (RecordComponent c : entity.getClass().getRecordComponents()) {
            if (c.isAnnotationPresent(ShownOnce.class)) {
                // Parsed from the text, so numbers keep the form they were written in (7.0 stays 7.0).
                tree = tree != null ? tree : (ObjectNode) json.readTree(body);
                tree.putNull(c.getName());
            }
        }
        return tree == null ? body : json.writeValueAsString(tree);
    }
}
