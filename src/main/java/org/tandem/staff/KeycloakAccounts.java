package org.tandem.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tandem.common.web.Problems;
import org.tandem.security.Caller;

/**
 * Staff accounts in Keycloak, through its Admin REST API: create an invited person's account, send them the
 * e-mail to set their password, disable and re-enable accounts. Every change first checks that the account carries
 * the caller's clinic, since the admin client may manage any user of the realm. Logs name the failure's kind, never a
 * person.
 */
@ApplicationScoped
public class KeycloakAccounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);
    /** What an invited person must do on their first sign-in; the realm may add more (OTP in production). */
    private static final List<String> FIRST_SIGN_IN = List.of("UPDATE_PASSWORD");

    private final StaffConfig config;
    private final ObjectMapper json;
    private final Optional<String> realmUrl;
    private volatile KeycloakAdminApi api;

    KeycloakAccounts(StaffConfig config, ObjectMapper json,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> realmUrl) {
        this.config = config;
        this.json = json;
        this.realmUrl = realmUrl;
    }

    /** The new person's Keycloak id (their token's subject), with the roles and clinic set. */
    String create(String clinicKey, StaffApi.InviteRequest invite) {
        ObjectNode user = json.createObjectNode()
                .put("username", invite.email())
                .put("email", invite.email())
                .put("firstName", invite.firstName().strip())
                .put("lastName", invite.lastName().strip())
                .put("enabled", true)
                .put("emailVerified", false);
        user.putObject("attributes").putArray(Caller.CLINIC_CLAIM).add(clinicKey);
        ArrayNode actions = user.putArray("requiredActions");
        FIRST_SIGN_IN.forEach(actions::add);
        String id;
        try (Response created = api().createUser(user)) {
            String location = created.getHeaderString("Location");
            id = location.substring(location.lastIndexOf('/') + 1);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 409) {
                throw Problems.conflict("email-in-use", "Conflict",
                        "An account with this e-mail address exists already. Ask your operator if it is not in your clinic.");
            }
            if (status == 400) {
                throw Problems.invalid("email", "body", "was refused by the identity provider");
            }
            throw unavailable("create", e);
        } catch (RuntimeException e) {
            throw unavailable("create", e);
        }
        try {
            List<ObjectNode> roles = new ArrayList<>();
            for (String role : invite.roles()) {
                roles.add(api().realmRole(role));
            }
            api().addRealmRoles(id, roles);
        } catch (RuntimeException e) {
            delete(id);
            throw unavailable("role-mapping", e);
        }
        return id;
    }

    /** Undoes a creation whose Tandem record could not be written. */
    void delete(String id) {
        try {
            api().deleteUser(id);
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak: could not delete the account of a failed invitation (%s)", kind(e));
        }
    }

    /** Asks Keycloak to e-mail the link to set a password; false when it cannot (no mail server in the realm). */
    boolean sendInvitation(String id) {
        try {
            api().executeActionsEmail(id, config.invitationLifespan().toSeconds(), FIRST_SIGN_IN);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak: could not send an invitation e-mail (%s)", kind(e));
            return false;
        }
    }

    /**
     * Disables (and signs out of every session) or re-enables an account of the clinic.
     *
     * @return whether Keycloak now has it that way; an account that no longer exists counts as disabled
     */
    boolean setEnabled(String id, String clinicKey, boolean enabled) {
        try {
            ObjectNode user = api().user(id);
            if (!clinicKey.equals(user.path("attributes").path(Caller.CLINIC_CLAIM).path(0).asText(null))) {
                LOG.warn("Keycloak: an account of another clinic was not changed");
                return false;
            }
            if (user.path("enabled").asBoolean() != enabled) {
                user.put("enabled", enabled);
                api().updateUser(id, user);
            }
            if (!enabled) {
                api().logout(id);
            }
            return true;
        } catch (WebApplicationException e) {
            if (!enabled && e.getResponse().getStatus() == 404) {
                return true;
            }
            LOG.warnf("Keycloak: could not %s an account (%s)", enabled ? "enable" : "disable", kind(e));
            return false;
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak: could not %s an account (%s)", enabled ? "enable" : "disable", kind(e));
            return false;
        }
    }

    private RuntimeException unavailable(String step, RuntimeException e) {
        LOG.warnf("Keycloak: invitation failed at %s (%s)", step, kind(e));
        return Problems.badGateway("identity-provider-unavailable",
                "The identity provider did not complete the change; nothing was saved. Try again later.");
    }

    private static String kind(RuntimeException e) {
        return e instanceof WebApplicationException w ? "HTTP " + w.getResponse().getStatus() : e.getClass().getName();
    }

    private KeycloakAdminApi api() {
        KeycloakAdminApi current = api;
        if (current == null) {
            current = QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(adminUrl() + "/"))
                    .connectTimeout(config.keycloakTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(config.keycloakTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .build(KeycloakAdminApi.class);
            api = current;
        }
        return current;
    }

    private String adminUrl() {
        return config.keycloakAdminUrl().or(() -> realmUrl.map(u -> u.replaceFirst("/realms/", "/admin/realms/")))
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElseThrow(() -> new IllegalStateException("Set tandem.staff.keycloak-admin-url"));
    }
}
