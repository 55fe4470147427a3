package org.tandem.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.createCouple;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With a trusted-proxies list (the chart's ingress.trustedProxies), a peer that is not on it cannot write its own
 * client address into the audit log: its X-Forwarded-For is ignored and the connection's address is recorded.
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.OnlyTheIngressIsTrusted.class)
class UntrustedProxyTest {

    /** The test client connects from loopback; the only trusted proxy is an address it never uses. */
    public static class OnlyTheIngressIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.10,198.51.100.0/24");
        }
    }

    @Test
    void aForgedXForwardedForFromAnUntrustedPeerIsNotAudited() {
        String id = createCouple("therapist1", unique());
        as("therapist1").header("X-Forwarded-For", "203.0.113.7").get("/api/v1/couples/" + id).then().statusCode(200);

        as("admin1").queryParam("recordType", "couple").queryParam("recordId", id).get("/api/v1/audit-events").then()
                .statusCode(200)
                .body("items.find { it.action == 'couple.read' }.clientAddress", equalTo("127.0.0.1"));
    }
}
