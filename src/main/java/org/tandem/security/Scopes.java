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
    public static final String CONSENTS_READ = "consents:read";
    public static final String TREATMENT_PLANS_READ = "treatment-plans:read";

    /** What each scope allows, as the OpenAPI document's OAuth2 flow describes it. */
    public static final java.util.Map<String, String> DESCRIPTIONS = java.util.Map.of(
            COUPLES_READ, "List and read the clinic's couples",
            SCHEDULE_READ, "Read sessions and free slots",
            SCHEDULE_WRITE, "Book, move and cancel sessions",
            MEASUREMENTS_READ, "Read ratings, questionnaire scores, metrics and instruments",
            MEASUREMENTS_WRITE, "Record self-reported ratings and questionnaires",
            EXERCISES_READ, "Read assignments and completions",
            EXERCISES_WRITE, "Log exercise completions",
            CONSENTS_READ, "Read which consents each partner has signed (not who signed, nor a release's party)",
            TREATMENT_PLANS_READ, "Read treatment plans' versions, status and review dates (not their words)");

    private Scopes() {
    }
}
