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
 * A real Keycloak server: the keycloak-quarkus-dist zip the build unpacks into target/, started in dev mode with an
 * in-memory database and the realm imported from src/main/keycloak on every start, so it always matches the file.
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
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Files.copy(realmFile, importDir.resolve("tandem-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(logFile.getParent());

        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + managementPort, "--import-realm", "--db=dev-mem",
                "--cache=local", "--log-level=WARN,org.keycloak.exportimport:INFO"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
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

    public String realmUrl() {
        return realmUrl(port);
    }

    public static String realmUrl(int port) {
        return "http://localhost:" + port + "/realms/" + REALM;
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
