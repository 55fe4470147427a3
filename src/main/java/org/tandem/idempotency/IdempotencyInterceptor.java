package org.tandem.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.commons.codec.digest.DigestUtils;
import org.jboss.logging.Logger;
import org.tandem.audit.AuditedRecord;
import org.tandem.common.web.Problems;
import org.tandem.security.Caller;

/**
 * Idempotency-Key for POST. The first successful response (status, Location, ETag and the body, sealed by
 * {@link StoredResponses}) is kept for 24 hours and replayed, with {@code Idempotent-Replayed: true}, for a retry
 * with the same key and the same request, if the caller still reaches what it was about. The
 * same key with a different request is 422; a retry while the first is still running is 409. An error response
 * is not stored: the key is released, so a corrected retry is a new request. Keys belong to the caller (clinic
 * and subject): two integrations never share one.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final Duration TTL = Duration.ofHours(24);
    /** A first request "in progress" this long is taken for dead (its replica stopped) and may be run again. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(IdempotencyInterceptor.class);

    @Inject
    IdempotencyStore store;

    @Inject
    HttpServerRequest request;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    StoredResponses responses;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null || !ctx.getMethod().isAnnotationPresent(POST.class)) {
            return ctx.proceed();
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
            throw Problems.invalid(HEADER, "header", "must be 1 to 255 visible ASCII characters");
        }
        String owner = caller.clinicKey() + "|" + caller.subject();
        IdempotencyStore.Begin begin = store.begin(owner, key, hash(ctx), TTL, ABANDONED_AFTER);
        if (begin.mismatch()) {
            throw Problems.unprocessable(HEADER, "header",
                    "was used for a different request; use a new key for a new request");
        }
        if (begin.inProgress()) {
            throw Problems.conflict("idempotency-in-progress", "Request In Progress",
                    "The first request with this Idempotency-Key is still running. Retry in a moment.");
        }
        if (begin.replay() != null) {
            AuditedRecord record = ctx.getMethod().getDeclaringClass().getAnnotation(AuditedRecord.class);
            Response replay = responses.replay(begin.replay(), request.path(),
                    record == null ? "request" : record.value());
            if (ctx.getMethod().getReturnType().isAssignableFrom(Response.class)) {
                return replay;
            }
            throw new Replayed(replay);
        }
        UUID id = begin.started();
        Object result;
        try {
            result = ctx.proceed();
        } catch (Exception | Error e) {
            store.release(id);
            throw e;
        }
        Response response = result instanceof Response r ? r : Response.ok(result).build();
        if (response.getStatus() >= 200 && response.getStatus() < 300) {
            try {
                store.complete(responses.keep(id, response));
            } catch (RuntimeException e) {
                // The change is made and its answer goes out; only its replay is lost, so a retry runs again.
                LOG.warnf("Could not keep the response of idempotency record %s (%s)", id, e.getClass().getSimpleName());
                store.release(id);
            }
        } else {
            store.release(id);
        }
        return result;
    }

    /** The method, the path and the parsed arguments (path ids and body): the same request hashes the same. */
    private String hash(InvocationContext ctx) throws Exception {
        MessageDigest sha = sha256();
        sha.update((request.method().name() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
        for (Object arg : ctx.getParameters()) {
            if (arg != null && !(arg instanceof jakarta.ws.rs.core.UriInfo)) {
                sha.update(json.writeValueAsBytes(arg));
            }
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        return DigestUtils.getSha256Digest();
    }
}
