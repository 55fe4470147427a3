package org.tandem.security;

/** The scopes a clinic's integration can be granted (Keycloak client scopes of the same names). */
public final class Scopes {

    public static final String COUPLES_READ = "couples:read";
    public static final String SCHEDULE_READ = "schedule:read";
    public static final String SCHEDULE_WRITE = "schedule:write";
    public static final String MEASUREMENTS_READ = "measurements:read";
    public static final String MEASUREMENTS_WRITE = "measurements:write";
    public static final String EXERCISES_READ = "exercises:read";
    public static final String EXERCISES_WRITE = "exercises:write";

    private Scopes() {
    }
}
