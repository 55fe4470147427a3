package org.tandem.staff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The few calls of Keycloak's Admin REST API (one realm) that the staff lifecycle makes, authorized by the
 * {@code tandem-staff-admin} client's own token (OIDC client "keycloak-admin", client credentials).
 * Representations stay JSON trees: an update sends back everything Keycloak sent, so no field is lost.
 */
@OidcClientFilter("keycloak-admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface KeycloakAdminApi {

    @POST
    @Path("users")
    Response createUser(ObjectNode user);

    @GET
    @Path("users/{id}")
    ObjectNode user(@PathParam("id") String id);

    @PUT
    @Path("users/{id}")
    void updateUser(@PathParam("id") String id, ObjectNode user);

    @DELETE
    @Path("users/{id}")
    void deleteUser(@PathParam("id") String id);

    /** Ends all of the user's sessions: their refresh tokens stop working. */
    @POST
    @Path("users/{id}/logout")
    void logout(@PathParam("id") String id);

    @GET
    @Path("roles/{name}")
    ObjectNode realmRole(@PathParam("name") String name);

    @POST
    @Path("users/{id}/role-mappings/realm")
    void addRealmRoles(@PathParam("id") String id, List<ObjectNode> roles);

    @PUT
    @Path("users/{id}/reset-password")
    void resetPassword(@PathParam("id") String id, ObjectNode credential);

    /** Sends the user Keycloak's e-mail with a link to complete the required actions (set a password, ...). */
    @PUT
    @Path("users/{id}/execute-actions-email")
    void executeActionsEmail(@PathParam("id") String id, @QueryParam("lifespan") long lifespanSeconds,
            List<String> actions);
}
