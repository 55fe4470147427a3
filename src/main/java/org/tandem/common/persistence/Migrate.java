package org.tandem.common.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the schema migrations and exits: what the Helm chart's pre-install and pre-upgrade Job runs, so no pod of
 * the app migrates at start. Flyway alone, with the migrations the app carries ({@code db/migration}); nothing else
 * of the app starts (no HTTP, no scheduler, no identity provider). Reads the same environment variables the app
 * does: {@code QUARKUS_DATASOURCE_JDBC_URL}, and {@code QUARKUS_FLYWAY_USERNAME}/{@code QUARKUS_FLYWAY_PASSWORD}
 * (the schema owner), else {@code QUARKUS_DATASOURCE_USERNAME}/{@code QUARKUS_DATASOURCE_PASSWORD}.
 *
 * <pre>java -cp '/deployments/app/*:/deployments/lib/main/*' org.tandem.common.persistence.Migrate</pre>
 */
public final class Migrate {

    private Migrate() {
    }

    public static void main(String[] args) {
        String url = required("QUARKUS_DATASOURCE_JDBC_URL");
        String user = env("QUARKUS_FLYWAY_USERNAME", env("QUARKUS_DATASOURCE_USERNAME", null));
        String password = env("QUARKUS_FLYWAY_PASSWORD", env("QUARKUS_DATASOURCE_PASSWORD", null));
        if (user == null) {
            fail("QUARKUS_FLYWAY_USERNAME or QUARKUS_DATASOURCE_USERNAME must be set");
        }
        int retries = Integer.parseInt(env("TANDEM_MIGRATE_CONNECT_RETRIES", "60"));
        MigrateResult result = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .connectRetries(retries).connectRetriesInterval(2).load().migrate();
        // Versions and counts only: the URL and the user are the operator's to see in their own config.
        System.out.printf("Schema migrated from %s to %s: %d migration(s) applied%n",
                result.initialSchemaVersion == null ? "empty" : result.initialSchemaVersion,
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    private static String required(String name) {
        String value = env(name, null);
        if (value == null) {
            fail(name + " must be set");
        }
        return value;
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
