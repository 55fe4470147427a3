package org.tandem.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.KeycloakAdmin;
import org.tandem.testsupport.Management;
import org.tandem.testsupport.Tokens;

/**
 * A verified token is remembered (VerifiedTokens): the second request with it is answered from the cache, which the
 * cache's own metrics show. What must not change does not: an expired token is refused from the second it expires,
 * a token changed by one character is verified (and refused) in full, and a deactivated person's remembered token is
 * refused at once (StaffLifecycleTest uses a token that was used, and so remembered, before the deactivation).
 */
@QuarkusTest
class TokenCacheTest {

    private static final Pattern GETS = Pattern.compile(
            "cache_gets_total\\{[^}]*cache=\"tandem.token-cache\"[^}]*result=\"(hit|miss)\"[^}]*\\} ([0-9.E]+)");

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromMemory() {
        String token = Tokens.fresh("therapist1", "demo");
        Map<String, Double> before = gets();
        given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(403); // the caller is still who the token says
        Map<String, Double> after = gets();
        assertEquals(1.0, after.get("miss") - before.get("miss"), "verified in full once");
        assertEquals(2.0, after.get("hit") - before.get("hit"), "then remembered");
    }

    @Inject
    VerifiedTokens tokens;

    /** What is remembered of a token is what its verification established, never the token itself. */
    @Test
    void theCacheKeepsNoToken() {
        String token = Tokens.fresh("therapist1", "demo");
        given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(200);
        Map<String, Object> remembered = tokens.rememberedClaims(token);
        assertNotNull(remembered, "remembered after its first use");
        assertEquals(expiry(token), ((Number) remembered.get("exp")).longValue());
        String signature = token.substring(token.lastIndexOf('.') + 1);
        for (Map.Entry<String, Object> claim : remembered.entrySet()) {
            String value = String.valueOf(claim.getValue());
            assertFalse(value.contains(signature) || value.contains(token.split("\\.")[1]),
                    "claim " + claim.getKey() + " holds the token");
        }
        // Answered from memory, the request still has its own token: the lower-case scheme too, as OIDC reads it.
        given().header("Authorization", "bearer " + token).get("/api/v1/couples").then().statusCode(200);
        given().header("Authorization", "Bearer").get("/api/v1/couples").then().statusCode(401);
    }

    @Test
    void aChangedTokenIsVerifiedInFullAndRefused() {
        String token = Tokens.fresh("therapist1", "demo");
        given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(200);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        given().auth().oauth2(forged).get("/api/v1/couples").then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(200);
    }

    @Test
    void aRememberedTokenIsRefusedFromTheSecondItExpires() {
        String token = withAccessTokenLifespan(3, () -> Tokens.fresh("therapist1", "demo"));
        Tokens.fresh("therapist1", "demo"); // later tests get a token of the usual lifespan
        long expires = expiry(token);
        Map<String, Double> before = gets();
        given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(200);
        List<Long> answeredAt = new java.util.ArrayList<>();
        Response refused = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Response r = given().auth().oauth2(token).get("/api/v1/couples");
                    if (r.statusCode() == 200) {
                        answeredAt.add(Instant.now().getEpochSecond());
                    }
                    return r;
                }, r -> r.statusCode() != 200);
        long refusedAt = Instant.now().getEpochSecond();
        assertEquals(401, refused.statusCode());
        assertTrue(gets().get("hit") - before.get("hit") >= 1, "answered from memory while it was valid");
        assertTrue(answeredAt.stream().allMatch(at -> at <= expires), "no answer after the token's exp " + expires
                + ": " + answeredAt);
        assertTrue(refusedAt >= expires && refusedAt <= expires + 2, "refused once it expired, not later: exp "
                + expires + ", refused at " + refusedAt);
        given().auth().oauth2(token).get("/api/v1/couples").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("Bearer"));
    }

    private static Map<String, Double> gets() {
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> counts = new HashMap<>(Map.of("hit", 0.0, "miss", 0.0));
        Matcher m = GETS.matcher(metrics);
        while (m.find()) {
            counts.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return counts;
    }

    private static long expiry(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"exp\":(\\d+)").matcher(claims);
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    /** Runs {@code fetch} while the tandem-api client issues tokens that live {@code seconds}. */
    @SuppressWarnings("unchecked")
    private static String withAccessTokenLifespan(int seconds, java.util.function.Supplier<String> fetch) {
        String id = KeycloakAdmin.realm().queryParam("clientId", "tandem-api").get("/clients").then().statusCode(200)
                .extract().path("[0].id");
        Map<String, Object> client = KeycloakAdmin.realm().get("/clients/" + id).then().statusCode(200).extract()
                .as(Map.class);
        Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
        Object previous = attributes.get("access.token.lifespan");
        attributes.put("access.token.lifespan", String.valueOf(seconds));
        KeycloakAdmin.realm().body(client).put("/clients/" + id).then().statusCode(204);
        try {
            return fetch.get();
        } finally {
            attributes.put("access.token.lifespan", previous == null ? "" : previous);
            KeycloakAdmin.realm().body(client).put("/clients/" + id).then().statusCode(204);
        }
    }
}
