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
import java.util.Map;
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

    /**
     * A Keycloak account to create: its e-mail is its username; names may be null (a partner's account carries none);
     * attributes become token claims through the realm's mappers.
     */
    public record NewAccount(String email, String firstName, String lastName, List<String> roles,
            Map<String, String> attributes) {

        @Override
        public String toString() {
            return "NewAccount[roles=" + roles + "]";
        }
    }

    /** The new person's Keycloak id (their token's subject), with the roles and attributes set. */
    public String create(NewAccount account) {
        ObjectNode user = json.createObjectNode()
                .put("username", account.email())
                .put("email", account.email())
                .put("enabled", true)
                .put("emailVerified", false);
        if (account.firstName() != null) {
            user.put("firstName", account.firstName().strip()).put("lastName", account.lastName().strip());
        }
        ObjectNode attributes = user.putObject("attributes");
        account.attributes().forEach((name, value) -> attributes.putArray(name).add(value));
        ArrayNode actions = user.putArray("requiredActions");
        FIRST_SIGN_IN.forEach(actions::add);
        String id;
        try (Response created = admin(a -> a.createUser(user))) {
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
            for (String role : account.roles()) {
                roles.add(admin(a -> a.realmRole(role)));
            }
            adminDo(a -> a.addRealmRoles(id, roles));
        } catch (RuntimeException e) {
            delete(id);
            throw unavailable("role-mapping", e);
        }
        return id;
    }

    /** Undoes a creation whose Tandem record could not be written. */
    public void delete(String id) {
        try {
            adminDo(a -> a.deleteUser(id));
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak: could not delete the account of a failed invitation (%s)", kind(e));
        }
    }

    /** Asks Keycloak to e-mail the link to set a password; false when it cannot (no mail server in the realm). */
    public boolean sendInvitation(String id) {
        try {
            adminDo(a -> a.executeActionsEmail(id, config.invitationLifespan().toSeconds(), FIRST_SIGN_IN));
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
    public boolean setEnabled(String id, String clinicKey, boolean enabled) {
        try {
            ObjectNode user = admin(a -> a.user(id));
            if (!clinicKey.equals(user.path("attributes").path(Caller.CLINIC_CLAIM).path(0).asText(null))) {
                LOG.warn("Keycloak: an account of another clinic was not changed");
                return false;
            }
            if (user.path("enabled").asBoolean() != enabled) {
                user.put("enabled", enabled);
                adminDo(a -> a.updateUser(id, user));
            }
            if (!enabled) {
                adminDo(a -> a.logout(id));
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

    /**
     * Sets the password the person chose (an activated invitation) and drops the "update password" a first sign-in
     * would have asked; every other required action stays (the production realm's authenticator app). Keycloak's
     * password policy decides what it accepts: a refusal is a 422 on {@code password}.
     */
    public void setPassword(String id, String password) {
        ObjectNode credential = json.createObjectNode().put("type", "password").put("value", password)
                .put("temporary", false);
        try {
            adminDo(a -> a.resetPassword(id, credential));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 400) {
                throw Problems.unprocessable("password", "body", "was refused by the password policy");
            }
            throw unavailable("password", e);
        } catch (RuntimeException e) {
            throw unavailable("password", e);
        }
        try {
            ObjectNode user = admin(a -> a.user(id));
            ArrayNode remaining = json.createArrayNode();
            user.path("requiredActions").forEach(action -> {
                if (!FIRST_SIGN_IN.contains(action.asText())) {
                    remaining.add(action);
                }
            });
            user.set("requiredActions", remaining);
            user.put("enabled", true);
            adminDo(a -> a.updateUser(id, user));
        } catch (RuntimeException e) {
            throw unavailable("activation", e);
        }
    }

    /** The account's username, what its owner signs in with. */
    public String username(String id) {
        try {
            return admin(a -> a.user(id)).path("username").asText();
        } catch (RuntimeException e) {
            throw unavailable("read", e);
        }
    }

    private RuntimeException unavailable(String step, RuntimeException e) {
        LOG.warnf("Keycloak: account change failed at %s (%s)", step, kind(e));
        return Problems.badGateway("identity-provider-unavailable",
                "The identity provider did not complete the change; nothing was saved. Try again later.");
    }

    private static String kind(RuntimeException e) {
        return e instanceof WebApplicationException w ? "HTTP " + w.getResponse().getStatus() : e.getClass().getName();
    }

    /**
     * One call to the Admin API, once more after a 401: Keycloak refuses a token of an earlier run of itself (a
     * restart with a fresh database), and the OIDC client filter fetches a new one on that 401
     * ({@code quarkus.rest-client-oidc-filter.refresh-on-unauthorized}), which the second attempt carries.
     */
    private <T> T admin(java.util.function.Function<KeycloakAdminApi, T> call) {
        try {
            return call.apply(api());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 401) {
                throw e;
            }
            return call.apply(api());
        }
    }

    private void adminDo(java.util.function.Consumer<KeycloakAdminApi> call) {
        admin(a -> {
            call.accept(a);
            return null;
        });
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
