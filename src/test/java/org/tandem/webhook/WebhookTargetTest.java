package org.tandem.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.unique;

import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tandem.measurement.MeasurementResourceTest;
import org.tandem.testsupport.Api;

/**
 * Webhooks cannot be pointed inside the network. Every refusal here happens before a connection is opened: the
 * only addresses ever connected to are loopback ones of this machine. The test profile allows 127.0.0.1 alone
 * (tandem.webhooks.allowed-networks), the operator's allow-list at work.
 */
@QuarkusTest
class WebhookTargetTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Inject
    WebhookSender sender;

    @Inject
    AgroalDataSource db;

    @Test
    void anAddressInsideTheNetworkIsRefusedAtRegistrationInEverySpelling() throws Exception {
        long before = endpoints();
        List<String> inside = List.of(
                "http://127.0.0.2/hook", "http://10.0.0.1/hook", "http://172.16.5.4/hook",
                "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/hook",
                "http://100.100.100.200/hook", "http://0.0.0.0/hook", "http://224.0.0.1/hook",
                "http://255.255.255.255/hook", "http://[::1]/hook", "http://[::]/hook", "http://[fd00:ec2::254]/",
                "http://[fe80::1]/hook", "http://[ff02::1]/hook", "http://[::ffff:127.0.0.2]/hook",
                "http://[::ffff:7f00:2]/hook", "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a00:1]/hook",
                "http://[2002:7f00:1::]/hook", "http://2130706433/hook", "http://0177.0.0.1/hook",
                "http://0x7f.0.0.1/hook", "http://127.1/hook", "http://017700000001/hook");
        List<String> accepted = new ArrayList<>();
        for (String url : inside) {
            int status = as("admin1").body(Map.of("url", url, "events", List.of("session.scheduled")))
                    .post("/api/v1/webhooks").then().extract().statusCode();
            if (status != 400) {
                accepted.add(url + " -> " + status);
            }
        }
        assertEquals(List.of(), accepted);
        as("admin1").body(Map.of("url", "http://169.254.169.254/latest", "events", List.of("session.scheduled")))
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("violations[0].field", equalTo("url"))
                .body("violations[0].message", containsString("public address"))
                .body(not(containsString("169.254")));
        as("admin1").body(Map.of("url", "https://no-such-host.invalid/hook", "events", List.of("session.scheduled")))
                .post("/api/v1/webhooks").then().statusCode(400).body("violations[0].field", equalTo("url"));
        as("admin1").body(Map.of("url", "https://user:pw@example.org/hook", "events", List.of("session.scheduled")))
                .post("/api/v1/webhooks").then().statusCode(400).body("violations[0].field", equalTo("url"));
        assertEquals(before, endpoints(), "a refused registration writes nothing");
    }

    @Test
    void anEndpointWhoseAddressTurnedPrivateIsRefusedAtDeliveryWithoutAConnection() throws Exception {
        // A listener on 127.0.0.2, which is not allowed: if the sender ever connected, it would count.
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket trap = new ServerSocket()) {
            trap.bind(new InetSocketAddress("127.0.0.2", 0));
            Thread accept = new Thread(() -> {
                try (Socket s = trap.accept()) {
                    connections.incrementAndGet();
                } catch (Exception closed) {
                    // the test closed the trap
                }
            });
            accept.setDaemon(true);
            accept.start();
            String endpoint = register("http://127.0.0.1:9/hook", "measurement.recorded");
            // The name resolved to an allowed address at registration and resolves inside the network now.
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                    "update webhook_endpoint set url = ? where id = unhex(replace(?, '-', ''))")) {
                s.setString(1, "http://127.0.0.2:" + trap.getLocalPort() + "/hook");
                s.setString(2, endpoint);
                assertEquals(1, s.executeUpdate());
            }
            record();
            sender.sendDue();
            assertEquals(0, connections.get(), "no connection was opened");
            as("admin1").get("/api/v1/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                    .body("[0].status", equalTo("PENDING")).body("[0].lastError", equalTo("blocked-address"))
                    .body("[0].lastStatus", equalTo(null));
            deactivate(endpoint);
        }
    }

    @Test
    void theDeliveryLogShowsACategoryNeverAnExceptionAndFollowsNoRedirect() throws Exception {
        AtomicInteger redirected = new AtomicInteger();
        HttpServer target = server(exchange -> {
            redirected.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        HttpServer redirecting = server(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + target.getAddress().getPort() + "/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        HttpServer failing = server(exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        try (ServerSocket silent = new ServerSocket(); ServerSocket plain = new ServerSocket()) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0));
            plain.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread answerPlain = new Thread(() -> {
                try (Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (Exception closed) {
                    // the test closed the socket
                }
            });
            answerPlain.setDaemon(true);
            answerPlain.start();
            int closedPort;
            try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                closedPort = probe.getLocalPort();
            }
            Map<String, String> expected = new java.util.LinkedHashMap<>();
            expected.put(register("http://127.0.0.1:" + redirecting.getAddress().getPort() + "/hook",
                    "measurement.recorded"), "http-status");
            expected.put(register("http://127.0.0.1:" + failing.getAddress().getPort() + "/hook",
                    "measurement.recorded"), "http-status");
            expected.put(register("http://127.0.0.1:" + closedPort + "/hook", "measurement.recorded"), "refused");
            expected.put(register("http://127.0.0.1:" + silent.getLocalPort() + "/hook", "measurement.recorded"),
                    "timeout");
            // https to a server that answers in plain text: the handshake fails.
            expected.put(register("https://127.0.0.1:" + plain.getLocalPort() + "/hook", "measurement.recorded"),
                    "tls");
            record();
            sender.sendDue();
            for (Map.Entry<String, String> e : expected.entrySet()) {
                String log = as("admin1").get("/api/v1/webhooks/" + e.getKey() + "/deliveries").then().statusCode(200)
                        .body("[0].lastError", equalTo(e.getValue())).extract().asString();
                assertEquals(false, log.contains("Exception"), log);
                deactivate(e.getKey());
            }
            assertEquals(0, redirected.get(), "the redirect was not followed");
        } finally {
            target.stop(0);
            redirecting.stop(0);
            failing.stop(0);
        }
    }

    @Test
    void aDeactivatedEndpointReceivesNothingAndCannotBeRedelivered() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer receiver = server(exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        try {
            String endpoint = register("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "measurement.recorded");
            record();
            deactivate(endpoint);
            record();
            sender.sendDue();
            assertEquals(0, hits.get(), "nothing was sent after the deactivation");
            String delivery = as("admin1").get("/api/v1/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                    .body("size()", equalTo(1)).body("[0].status", equalTo("CANCELLED")).extract().path("[0].id");
            as("admin1").post("/api/v1/webhooks/" + endpoint + "/deliveries/" + delivery + "/redeliver").then()
                    .statusCode(409).body("type", equalTo("/problems/endpoint-inactive"));
            sender.sendDue();
            assertEquals(0, hits.get());
        } finally {
            receiver.stop(0);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String register(String url, String event) {
        return as("admin1").body(Map.of("url", url, "events", List.of(event))).post("/api/v1/webhooks").then()
                .statusCode(201).extract().path("id");
    }

    private static void deactivate(String endpoint) {
        as("admin1").delete("/api/v1/webhooks/" + endpoint).then().statusCode(200);
    }

    /** A change that publishes measurement.recorded. */
    private static void record() {
        String coupleId = Api.createCouple("therapist1", unique());
        as("therapist1").body(MeasurementResourceTest.rating("trust", null, TODAY, 5, "THERAPIST"))
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(201);
    }

    /** A loopback receiver that reads each request whole, then lets {@code handler} answer. */
    private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            handler.handle(exchange);
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private long endpoints() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from webhook_endpoint"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
