package org.tandem.testsupport;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the real Keycloak the tests started, cached until shortly before they expire. */
public final class Tokens {

    private record Cached(String token, Instant expires) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A demo user's token (password grant through the tandem-api client). Every demo user's password is demo. */
    public static String of(String username) {
        return cached(username, () -> given().baseUri(tokenUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", "tandem-api")
                .formParam("client_secret", "tandem-api-secret")
                .formParam("username", username)
                .formParam("password", "demo")
                .post());
    }

    /** The clinic-integration service account's token (client-credentials grant). */
    public static String integration() {
        return cached("clinic-integration", () -> given().baseUri(tokenUrl())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "clinic-integration")
                .formParam("client_secret", "clinic-integration-secret")
                .post());
    }

    /** The read-only service account's token: schedule:read and nothing else. */
    public static String readOnlyIntegration() {
        return cached("clinic-readonly", () -> given().baseUri(tokenUrl())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "clinic-readonly")
                .formParam("client_secret", "clinic-readonly-secret")
                .post());
    }

    private static String cached(String key, java.util.function.Supplier<io.restassured.response.Response> fetch) {
        Cached hit = CACHE.get(key);
        if (hit != null && Instant.now().isBefore(hit.expires())) {
            return hit.token();
        }
        var response = fetch.get().then().statusCode(200).extract();
        String token = response.path("access_token");
        int expiresIn = response.path("expires_in");
        CACHE.put(key, new Cached(token, Instant.now().plusSeconds(expiresIn - 60L)));
        return token;
    }

    private static String tokenUrl() {
        return ConfigProvider.getConfig().getValue(TandemServices.KEYCLOAK_URL_PROPERTY, String.class)
                + "/protocol/openid-connect/token";
    }
}
