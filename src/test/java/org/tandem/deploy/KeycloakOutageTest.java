package org.tandem.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.tandem.devenv.LocalKeycloak;
import org.tandem.measurement.MeasurementResourceTest;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.TandemServices;
import org.tandem.testsupport.Tokens;
import org.tandem.testsupport.Management;

/**
 * Keycloak dies (SIGKILL, as a crash) while the API is running, and comes back. Tokens already issued keep
 * working, reads and writes, because the app verifies signatures with the keys it fetched earlier; a token
 * whose key the app has never seen is a clean 401 (the key refresh fails fast, no hang, no 500); new logins fail
 * at Keycloak; and readiness stays UP, so Kubernetes does not take every pod out of service at once over an
 * outage the pods can ride out. After the restart, fresh tokens work at once (the demo realm pins its signing
 * key, as a production realm keeps its keys in its database), and so do the app's calls to the Admin API, with a
 * token it takes anew when the restarted Keycloak refuses the one it held.
 */
@QuarkusTest
class KeycloakOutageTest {

    private static final Pattern PORTS = Pattern.compile("--http-port=(\\d+).*--http-management-port=(\\d+)");

    @Test
    void issuedTokensKeepWorkingWhileKeycloakIsDownAndReadinessStaysUp() throws Exception {
        String coupleId = Api.createCouple("therapist1", Api.unique());
        String issued = Tokens.of("therapist1");
        // The app holds an Admin API token of this Keycloak run (inviting someone needs one).
        invite();
        String realmUrl = ConfigProvider.getConfig().getValue(TandemServices.KEYCLOAK_URL_PROPERTY, String.class);
        int port = Integer.parseInt(realmUrl.replaceAll(".*:(\\d+)/.*", "$1"));
        // kc.sh runs Keycloak's JVM as a child, or becomes it (exec) after a first-start re-augmentation: kill
        // whatever of the two carries this Keycloak's port, with its children.
        Pattern ownPort = Pattern.compile("--http-port=" + port + "(\\s|$)");
        List<ProcessHandle> keycloak = ProcessHandle.current().descendants()
                .filter(p -> ownPort.matcher(p.info().commandLine().orElse("")).find()).toList();
        assertTrue(!keycloak.isEmpty(), "the test Keycloak is a child of this JVM");
        Matcher ports = PORTS.matcher(keycloak.get(0).info().commandLine().orElseThrow());
        assertTrue(ports.find(), "Keycloak's ports on its command line");

        keycloak.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !listening(port));

        // An issued token still reads and writes.
        as("therapist1").get("/api/v1/couples/" + coupleId).then().statusCode(200).body("id", equalTo(coupleId));
        as("therapist1").body(MeasurementResourceTest.rating("trust", null, LocalDate.now(ZoneId.of("Europe/Berlin")), 7,
                "THERAPIST")).post(MeasurementResourceTest.path(coupleId)).then().statusCode(201);
        // A token signed with a key the app does not know makes it try Keycloak for new keys: refused, so 401.
        long start = System.nanoTime();
        given().auth().oauth2(Tokens.withUnknownKeyId(issued)).get("/api/v1/couples/" + coupleId).then().statusCode(401)
                .body(not(containsString("Exception")));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "the failed key refresh is quick");
        // New logins fail at Keycloak itself.
        assertThrows(ConnectException.class,
                () -> new Socket().connect(new InetSocketAddress("localhost", port), 2000));
        // Readiness stays UP: the database answers and verified tokens keep being served.
        Management.given().get("/q/health/ready").then().statusCode(200);

        LocalKeycloak restarted = LocalKeycloak.start(LocalKeycloak.home(), port, Integer.parseInt(ports.group(2)),
                Path.of("src/main/keycloak/tandem-realm.json"), Path.of("target/keycloak-test-restarted.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(restarted::close, "keycloak-restarted-stop"));

        // A fresh login works at once, and so does the token issued before the outage.
        String fresh = Tokens.password(realmUrl, "therapist1");
        given().auth().oauth2(fresh).get("/api/v1/couples/" + coupleId).then().statusCode(200);
        given().auth().oauth2(issued).get("/api/v1/couples/" + coupleId).then().statusCode(200);
        // The restarted Keycloak refuses the app's earlier Admin API token: the app takes a new one and the
        // invitation goes through.
        invite();
    }

    private static void invite() {
        as("admin1").body(java.util.Map.of("email", "outage-" + Api.unique() + "@demo.tandem.invalid", "firstName",
                "Kim", "lastName", "Newcomer", "roles", List.of("therapist"))).post("/api/v1/staff").then()
                .statusCode(201);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
