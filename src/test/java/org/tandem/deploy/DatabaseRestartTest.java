package org.tandem.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static org.tandem.testsupport.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.tandem.measurement.MeasurementResourceTest;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Management;

/**
 * The database goes away under write load and comes back: requests fail cleanly while it is gone, readiness says
 * so, the first request after it returns succeeds (pooled connections are validated on borrow), and every write
 * that was acknowledged is there. The real MariaDB server process is stopped (SIGTERM) and started again with
 * its own command line, on the same data directory and port.
 */
@QuarkusTest
class DatabaseRestartTest {

    @Test
    void writesRecoverAfterADatabaseRestartAndNoAcknowledgedWriteIsLost() throws Exception {
        String coupleId = Api.createCouple("therapist1", Api.unique());
        int port = Integer.parseInt(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class)
                .replaceAll(".*:(\\d+)/.*", "$1"));
        ProcessHandle server = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("mariadbd")
                        && p.info().commandLine().orElse("").contains("--port=" + port))
                .findFirst().orElseThrow(() -> new AssertionError("the test MariaDB process is not a child"));
        List<String> command = new ArrayList<>();
        command.add(server.info().command().orElseThrow());
        command.addAll(List.of(server.info().arguments().orElseThrow()));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        Set<Integer> failureStatuses = ConcurrentHashMap.newKeySet();
        AtomicInteger serverErrorsAfterRestart = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean(); // the first request after the restart has succeeded
        AtomicBoolean running = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
            while (running.get()) {
                // Judged by when the request started: one already in flight during the restart may fail.
                boolean sentAfterRecovery = restarted.get();
                Response r = as("therapist1").body(MeasurementResourceTest.rating("trust", null, today, 5, "THERAPIST"))
                        .post(MeasurementResourceTest.path(coupleId));
                if (r.statusCode() == 201) {
                    acknowledged.add(r.path("id"));
                } else {
                    failed.incrementAndGet();
                    failureStatuses.add(r.statusCode());
                    if (sentAfterRecovery && r.statusCode() >= 500) {
                        serverErrorsAfterRestart.incrementAndGet();
                    }
                }
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 5);
        int before = acknowledged.size();

        server.destroy();
        assertTrue(server.onExit().get(60, TimeUnit.SECONDS) != null);
        awaitReadiness(503);
        await().atMost(Duration.ofSeconds(30)).until(() -> failed.get() >= 3);
        Path log = Files.createTempFile(Path.of("target"), "mariadb-restarted", ".log");
        Process again = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // The restarted server belongs to this JVM now: stop it when the test run ends.
        Runtime.getRuntime().addShutdownHook(new Thread(again::destroy));
        awaitPort(port);

        // The first request after the restart already works: a dead pooled connection is never handed out.
        as("therapist1").get("/api/v1/couples/" + coupleId).then().statusCode(200);
        restarted.set(true);
        awaitReadiness(200);
        int atRestart = acknowledged.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= atRestart + 5);
        running.set(false);
        writer.join(30_000);

        assertTrue(before > 0, "writes succeeded before the restart");
        assertTrue(failed.get() > 0, "writes failed while the database was down");
        assertEquals(Set.of(503), failureStatuses, "an unreachable database is 503 (retry), never 500");
        assertEquals(0, serverErrorsAfterRestart.get(), "no write failed once the database was back");
        List<String> stored = as("therapist1").queryParam("size", 100).queryParam("page", 0)
                .get(MeasurementResourceTest.path(coupleId)).then().statusCode(200).extract().path("items.id");
        int total = as("therapist1").get(MeasurementResourceTest.path(coupleId)).then().extract().path("totalItems");
        List<String> all = new ArrayList<>(stored);
        for (int page = 1; page * 100 < total; page++) {
            all.addAll(as("therapist1").queryParam("size", 100).queryParam("page", page)
                    .get(MeasurementResourceTest.path(coupleId)).then().extract().path("items.id"));
        }
        assertTrue(all.containsAll(acknowledged), "every acknowledged write is stored");
        assertTrue(acknowledged.size() > before, "writes succeeded after the restart");
    }

    private static void awaitReadiness(int status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Management.given().get("/q/health/ready").statusCode() == status);
    }

    private static void awaitPort(int port) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
    }
}
