package org.tandem.devenv;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Blocks `./mvnw` until the services {@link LocalServicesMain} starts in the background answer, so dev mode starts against them. */
public final class AwaitLocalServices {

    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    private AwaitLocalServices() {
    }

    public static void main(String[] args) {
        // Connector/J's cleanup thread would keep exec:java waiting 15 s after this returns.
        System.setProperty("com.mysql.cj.disableAbandonedConnectionCleanup", "true");
        boolean needDb = System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null;
        boolean needKeycloak = System.getenv("QUARKUS_OIDC_AUTH_SERVER_URL") == null;
        System.out.println("[local-services] waiting for MariaDB and Keycloak (the first start takes about a minute)");
        try {
            Awaitility.await("local services").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() ->
                    (!needDb || databaseReady(LocalServicesMain.DB_PORT))
                            && (!needKeycloak || LocalKeycloak.isReady(LocalServicesMain.KEYCLOAK_PORT)));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("MariaDB or Keycloak did not start within " + TIMEOUT
                    + "; see target/keycloak-dev.log and the output above", e);
        }
        System.out.println("[local-services] ready");
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
