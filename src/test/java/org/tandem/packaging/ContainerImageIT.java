package org.tandem.packaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.PackagedApp;
import org.tandem.testsupport.TandemServices;
import org.tandem.testsupport.Tokens;

/**
 * The container image, built and run here without a Docker engine ({@code ./mvnw -Pimage verify}): a Java 17
 * base from Debian (debootstrap) and the image from {@code src/main/docker/Dockerfile.jvm} on it, both with buildah
 * in chroot isolation; then the image's own entrypoint, as the image's user, on the host's network, against the real
 * MariaDB and Keycloak, with /tmp the only place it can write. It answers health and an authenticated request, and
 * stops on SIGTERM well within the grace period, without waiting out the shutdown timeout.
 */
class ContainerImageIT {

    private static final String IMAGE = "localhost/tandem:it";
    private static final Path WORK = Path.of("target/image");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static TandemServices services;
    private static Map<String, String> config;
    private static String container;

    @BeforeAll
    static void buildTheImage() throws Exception {
        Files.createDirectories(WORK);
        services = new TandemServices();
        config = PackagedApp.config(services.start());
        run(Duration.ofMinutes(15), WORK.resolve("build.log"), "src/main/docker/build-image.sh", IMAGE);
        container = buildah("from", "--name", "tandem-it-" + UUID.randomUUID().toString().substring(0, 8), IMAGE)
                .strip();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (container != null) {
            buildah("rm", container);
        }
        if (services != null) {
            services.stop();
        }
    }

    @Test
    void theImageRunsAsItsUserServesTheApiAndStopsOnSigterm() throws Exception {
        // The image's own settings: its user, its working directory, its entrypoint.
        var image = new ObjectMapper().readTree(buildah("inspect", "--type", "image", IMAGE)).at("/OCIv1/config");
        assertEquals("185", image.get("User").asText());
        assertEquals("/deployments", image.get("WorkingDir").asText());
        List<String> entrypoint = new ArrayList<>();
        image.get("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        assertEquals("/bin/sh", entrypoint.get(0), "the entrypoint execs java, which gets the signals");

        // Only /tmp is writable for the image's user: the code and the rest of the filesystem are root's.
        Path tmp = Files.createTempDirectory(WORK.toAbsolutePath(), "tmp");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        String writable = buildah("run", "--isolation", "chroot", "--user", "185", "-v", tmp + ":/tmp", container,
                "--", "/bin/sh", "-c", "find / -xdev -writable 2>/dev/null | grep -v -e '^/proc' -e '^/sys'"
                        + " -e '^/dev' || true");
        assertEquals(List.of("/tmp"), writable.lines().toList(), "writable places: " + writable);

        // The schema, as the chart's migrations Job makes it: Flyway alone from the image, as the schema's owner.
        String migrated = buildah("run", "--isolation", "chroot", "--network", "host", "--user", "185", "-v",
                tmp + ":/tmp", "-e", "QUARKUS_DATASOURCE_JDBC_URL=" + config.get("quarkus.datasource.jdbc.url"), "-e",
                "QUARKUS_FLYWAY_USERNAME=" + config.get("quarkus.flyway.username"), "-e",
                "QUARKUS_FLYWAY_PASSWORD=" + config.get("quarkus.flyway.password"), container, "--", "java", "-cp",
                "/deployments/app/*:/deployments/lib/main/*", "org.tandem.common.persistence.Migrate");
        assertTrue(migrated.contains("Schema migrated from empty to "), migrated);
        assertFalse(migrated.contains(config.get("quarkus.flyway.password")), "no secret in its output");

        // The entrypoint, with the settings as JVM options (JAVA_OPTS_APPEND, as the chart passes its own), and
        // no migration at start, as the chart runs it with the Job.
        int port = TandemServices.freePort();
        int management = TandemServices.freePort();
        String marker = "container-image-it.marker=" + UUID.randomUUID();
        List<String> options = new ArrayList<>();
        config.forEach((key, value) -> {
            if (key.startsWith("quarkus.management.") || key.startsWith("quarkus.http.test")) {
                return; // the ports are chosen below
            }
            assertFalse(value.contains(" "), key + " must not hold a space to pass through the shell");
            options.add("-D" + key + "=" + value);
        });
        options.add("-Dquarkus.http.port=" + port);
        options.add("-Dquarkus.management.port=" + management);
        // The production timeout: a stop with nothing in flight must not wait for it.
        options.add("-Dquarkus.shutdown.timeout=20s");
        options.add("-Dquarkus.flyway.migrate-at-start=false");
        options.add("-D" + marker);
        List<String> command = new ArrayList<>(List.of("buildah", "--storage-driver", "vfs", "run", "--isolation",
                "chroot", "--network", "host", "--user", "185", "-v", tmp + ":/tmp", "-e",
                "JAVA_OPTS_APPEND=" + String.join(" ", options), container, "--"));
        command.addAll(entrypoint);
        Path log = WORK.resolve("run.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        try {
            await("the image's app ready; log: " + log).atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        assertTrue(process.isAlive(), "the container exited; see " + log);
                        return status("http://127.0.0.1:" + management + "/q/health/ready", null) == 200;
                    });

            // Java runs as the image's user, and the clinic's API answers a real token.
            ProcessHandle java = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().orElse("").endsWith("/java"))
                    .filter(p -> p.info().commandLine().orElse("").contains(marker)).findFirst().orElseThrow();
            String status = Files.readString(Path.of("/proc", Long.toString(java.pid()), "status"));
            assertTrue(status.lines().anyMatch(l -> l.matches("Uid:\\s+185\\s+185\\s+185\\s+185")), status);
            String token = Tokens.password(config.get("quarkus.oidc.auth-server-url"), "therapist1");
            assertEquals(200, status("http://127.0.0.1:" + port + "/api/v1/clinic", token));
            assertEquals(401, status("http://127.0.0.1:" + port + "/api/v1/clinic", null));
            try (var files = Files.list(tmp)) {
                assertTrue(files.findAny().isPresent(), "the app's temporary files went to /tmp");
            }

            // SIGTERM to the app, as the kubelet sends it to the container's first process.
            long stopping = System.nanoTime();
            java.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the container stopped; see " + log);
            Duration took = Duration.ofNanos(System.nanoTime() - stopping);
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0,
                    "stopped in " + took + ", not after the 20 s shutdown timeout");
            assertTrue(Files.readString(log).contains("stopped in"), "a graceful stop, logged");
        } finally {
            process.destroyForcibly();
        }
    }

    private static int status(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String buildah(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("buildah", "--storage-driver", "vfs"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(WORK.toAbsolutePath(), "buildah", ".out");
        run(Duration.ofMinutes(2), out, command.toArray(String[]::new));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Runs a command to its end; anything but exit 0 fails the test with its output. */
    private static void run(Duration timeout, Path output, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(output.toFile())).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took over " + timeout + "; see " + output);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ":\n"
                    + Files.readString(output));
        }
    }
}
