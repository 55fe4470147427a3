package org.tandem.devenv;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Keycloak server: the keycloak-quarkus-dist zip the build unpacks into target/, started in dev mode. The
 * tests use an in-memory database with the realm imported from src/main/keycloak on every start; ./mvnw keeps its
 * database between starts until the realm file changes. Either way Keycloak always matches the file.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "tandem";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final int port;

    private LocalKeycloak(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Path home() {
        String home = System.getProperty("tandem-devenv.keycloak-home");
        if (home == null || !Files.isDirectory(Path.of(home, "bin"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home
                    + ": run through Maven (./mvnw), which unpacks it into target/");
        }
        return Path.of(home);
    }

    public static LocalKeycloak start(Path home, int port, int managementPort, Path realmFile, Path logFile)
            throws IOException, InterruptedException {
        return start(home, port, managementPort, realmFile, logFile, false);
    }

    /**
     * @param keepData keep Keycloak's database in {@code data/h2} of the unpacked distribution between starts (dev
     *                 mode): a start then skips creating the schema and importing the realm, about half of its CPU
     *                 on two cores. The database is dropped when the realm file changes, so it still always
     *                 matches the file. The tests start from an in-memory database every time.
     */
    public static LocalKeycloak start(Path home, int port, int managementPort, Path realmFile, Path logFile,
            boolean keepData) throws IOException, InterruptedException {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Files.copy(realmFile, importDir.resolve("tandem-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(logFile.getParent());
        if (keepData) {
            dropDataIfRealmChanged(home.resolve("data/h2"), realmFile);
        }

        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + managementPort, "--import-realm",
                "--db=" + (keepData ? "dev-file" : "dev-mem"), "--cache=local",
                "--log-level=WARN,org.keycloak.exportimport:INFO"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        if (keepData) {
            // Dev mode: Keycloak starts beside Maven and Quarkus on two cores, and the JIT's optimising compiler is
            // much of its start-up CPU; the quick one alone serves one developer's token requests well enough.
            builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        }
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        LocalKeycloak keycloak = new LocalKeycloak(builder.start(), port);
        try {
            keycloak.awaitReady(logFile);
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /** A kept database holds the realm as it was imported: a different realm file starts it afresh. */
    private static void dropDataIfRealmChanged(Path data, Path realmFile) throws IOException {
        String hash = sha256(Files.readAllBytes(realmFile));
        Path marker = data.resolve("realm.sha256");
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(hash)) {
            return;
        }
        if (Files.isDirectory(data)) {
            try (var files = Files.walk(data)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(data);
        Files.writeString(marker, hash);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String realmUrl() {
        return realmUrl(port);
    }

    public static String realmUrl(int port) {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /**
     * Points the realm's own e-mail (staff invitations, password resets) at a mail server, through Keycloak's admin
     * API as its bootstrap administrator: ./mvnw's GreenMail, so an invitation from the local app arrives where its
     * notices do. Only the realm's SMTP settings change; the realm file stays as it is, so the tests' Keycloak has no
     * mail server.
     */
    public void sendMailThrough(String host, int smtpPort, String from) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> token = client.send(HttpRequest.newBuilder(
                URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher access = java.util.regex.Pattern.compile("\"access_token\":\"([^\"]+)\"")
                .matcher(token.body());
        if (token.statusCode() != 200 || !access.find()) {
            throw new IOException("Keycloak's administrator got no token: " + token.statusCode());
        }
        String smtp = "{\"smtpServer\":{\"host\":\"" + host + "\",\"port\":\"" + smtpPort + "\",\"from\":\"" + from
                + "\",\"fromDisplayName\":\"Tandem (local)\"}}";
        HttpResponse<String> updated = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + REALM))
                .header("Authorization", "Bearer " + access.group(1)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(smtp)).build(), HttpResponse.BodyHandlers.ofString());
        if (updated.statusCode() != 204) {
            throw new IOException("Keycloak refused the realm's mail settings: " + updated.statusCode());
        }
    }

    /** True once the realm's discovery document is served. */
    public static boolean isReady(int port) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl(port) + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReady(Path logFile) {
        try {
            Awaitility.await("Keycloak serving realm " + REALM).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + logFile);
                        }
                        return isReady(port);
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Keycloak did not start within " + START_TIMEOUT + "; see " + logFile, e);
        }
    }

    @Override
    public void close() {
        // kc.sh runs Java as its child: stop the whole tree.
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
