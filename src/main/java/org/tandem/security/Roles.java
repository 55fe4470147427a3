package org.tandem.security;

/** Keycloak realm roles, the only role names used in {@code @RolesAllowed}. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String THERAPIST = "therapist";
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
