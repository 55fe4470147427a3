package org.tandem.security;

/** Keycloak realm roles: the kinds of caller {@link AccessRules} admits. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String THERAPIST = "therapist";
    public static final String INTEGRATION = "integration";
    /** A partner of a couple, signed in themselves; their token names the one partner record they are. */
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
