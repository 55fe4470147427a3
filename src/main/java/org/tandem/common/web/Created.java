package org.tandem.common.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** 201 Created for a new record: its URL (the request's plus its id) in Location, the record as the body. */
public final class Created {

    private Created() {
    }

    public static Response at(UriInfo uri, UUID id, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build()).entity(body).build();
    }

    /** A new record that has no URL of its own under the request's. */
    public static Response body(Object body) {
        return Response.status(Response.Status.CREATED).entity(body).build();
    }
}
