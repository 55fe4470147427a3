package org.tandem.devenv;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Blocks `./mvnw` until the database {@link LocalServicesMain} starts in the background answers, so dev mode starts against it. */
public final class AwaitLocalServices {

    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    private AwaitLocalServices() {
    }

    public static void main(String[] args) {
        // Connector/J's cleanup thread would keep exec:java waiting 15 s after this returns.
        System.setProperty("com.mysql.cj.disableAbandonedConnectionCleanup", "true");
        boolean needDb = System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null;
        boolean needKeycloak = System.getenv("QUARKUS_OIDC_AUTH_SERVER_URL") == null;
        // Dev mode needs the database to start (Flyway, demo data); Keycloak keeps starting alongside, and until it
        // answers the API says 401, so it is not waited for here.
        System.out.println("[local-services] waiting for MariaDB (the first start takes about a minute)");
        try {
            Awaitility.await("local services").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() ->
                    !needDb || databaseReady(LocalServicesMain.DB_PORT));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("MariaDB did not start within " + TIMEOUT + "; see the output above", e);
        }
        System.out.println("[local-services] MariaDB ready" + (needKeycloak && !LocalKeycloak.isReady(
                LocalServicesMain.KEYCLOAK_PORT) ? "; Keycloak is still starting (http://localhost:"
                + LocalServicesMain.KEYCLOAK_PORT + ")" : ""));
    }

    /** Ready means the app can connect to its database: the port opens before the database is created. */
    private static boolean databaseReady(int port) {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/" + EmbeddedMariaDb.DATABASE + "?connectTimeout=1000";
        try (Connection ignored = DriverManager.getConnection(url, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
