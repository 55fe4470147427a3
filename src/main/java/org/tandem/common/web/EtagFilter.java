package org.tandem.common.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every successful response whose body is {@link Tagged} carries its version as a strong ETag. */
public class EtagFilter {

    @ServerResponseFilter
    public void tag(ContainerResponseContext response) {
        if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL
                && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            Versions.etagOf(response.getEntity()).ifPresent(tag -> response.getHeaders().putSingle(HttpHeaders.ETAG, tag));
        }
    }
}
