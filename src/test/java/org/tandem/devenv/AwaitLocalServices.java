package org.tandem.devenv;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Blocks `./mvnw` until the services {@link LocalServicesMain} starts in the background answer, so dev mode starts against them. */
public final class AwaitLocalServices {

    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    private AwaitLocalServices() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Connector/J's cleanup thread would keep exec:java waiting 15 s after this returns.
        System.setProperty("com.mysql.cj.disableAbandonedConnectionCleanup", "true");
        boolean needDb = System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null;
        boolean needKeycloak = System.getenv("QUARKUS_OIDC_AUTH_SERVER_URL") == null;
        Instant deadline = Instant.now().plus(TIMEOUT);
        System.out.println("[local-services] waiting for MariaDB and Keycloak (the first start takes about a minute)");
        while (Instant.now().isBefore(deadline)) {
            boolean dbUp = !needDb || databaseReady(LocalServicesMain.DB_PORT);
            boolean keycloakUp = !needKeycloak || LocalKeycloak.isReady(LocalServicesMain.KEYCLOAK_PORT);
            if (dbUp && keycloakUp) {
                System.out.println("[local-services] ready");
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("MariaDB or Keycloak did not start within " + TIMEOUT
                + "; see target/keycloak-dev.log and the output above");
    }

    /** Ready means the app's own user can log in: the port opens before the database and user exist. */
    private static boolean databaseReady(int port) {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/" + EmbeddedMariaDb.DATABASE + "?connectTimeout=1000";
        try (Connection ignored = DriverManager.getConnection(url, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
