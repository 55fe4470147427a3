package org.tandem.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The size limits of a request, answered as problem documents. The HTTP codec's own limits (on the request line
 * and the headers) are set well above these in application.properties, because the codec answers with an empty
 * 414 or 431 that no Quarkus hook can reach: requests between these limits and the codec's get a problem document
 * from here, first in the router. The body limit is Quarkus's {@code quarkus.http.limits.max-body-size}: a body that
 * declares a larger Content-Length is refused here before it is read. A streamed body (chunked, or HTTP/2 without a
 * length) that grows past the limit is cut off by Quarkus REST itself, with an empty 413: reading it here first
 * would leave nothing for Quarkus REST to read (docs/security.md, "Known gaps").
 */
@ApplicationScoped
public class HttpLimits {

    /** The longest request line target (path and query) served. */
    public static final int MAX_URI = 8 * 1024;
    /** The most header bytes (names and values) served. */
    public static final int MAX_HEADERS = 16 * 1024;

    private static final Map<Integer, String[]> KINDS = Map.of(
            413, new String[] {"payload-too-large", "Content Too Large", "The request body is larger than the API accepts."},
            414, new String[] {"uri-too-long", "URI Too Long", "The request's path and query are longer than the API accepts."},
            431, new String[] {"headers-too-large", "Request Header Fields Too Large",
                    "The request's headers are larger than the API accepts."});

    private final long maxBody;

    HttpLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > MAX_URI) {
            answer(ctx, 414);
            return;
        }
        if (headerBytes(request.headers()) > MAX_HEADERS) {
            answer(ctx, 431);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLarger(length)) {
            answer(ctx, 413);
            return;
        }
        ctx.next();
    }

    private boolean declaredLarger(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBody;
        } catch (NumberFormatException e) {
            return false; // the codec refuses a malformed Content-Length itself
        }
    }

    private static int headerBytes(MultiMap headers) {
        int bytes = 0;
        for (Map.Entry<String, String> h : headers) {
            bytes += h.getKey().length() + h.getValue().length() + 4;
        }
        return bytes;
    }

    private static void answer(RoutingContext ctx, int status) {
        String[] kind = KINDS.get(status);
        String body = "{\"type\":\"" + Problems.BASE + kind[0] + "\",\"title\":\"" + kind[1] + "\",\"status\":" + status
                + ",\"detail\":\"" + kind[2] + "\"}";
        // The request is not read on: close the connection after the answer, as the codec would.
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close").putHeader("Cache-Control", "no-store").end(body);
    }
}
