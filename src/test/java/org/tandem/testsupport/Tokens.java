package org.tandem.testsupport;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
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
        return of(username, "demo");
    }

    /** A user's token with their own password (a partner who activated their account). */
    public static String of(String username, String password) {
        return cached(username, () -> given().baseUri(tokenUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", "tandem-api")
                .formParam("client_secret", "tandem-api-secret")
                .formParam("username", username)
                .formParam("password", password)
                .post());
    }

    /** A new token, never from the cache: a sign-in after the account changed (revoked, invited again). */
    public static String fresh(String username, String password) {
        CACHE.remove(username);
        return of(username, password);
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

    /**
     * A demo user's token from the given realm, without Quarkus's test configuration: for code that starts its own
     * services (the benchmark, the app-kill test).
     */
    public static String password(String realmUrl, String username) {
        String form = "grant_type=password&client_id=tandem-api&client_secret=tandem-api-secret&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + username + ": " + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A real token of the user, with its claims changed by {@code edit} and signed again with the demo realm's own
     * signing key (pinned in src/main/keycloak/tandem-realm.json): a token the app's signature check accepts, so
     * only its claims (expiry, audience) can make it fail.
     */
    public static String resigned(String username, UnaryOperator<String> edit) {
        String[] parts = of(username).split("\\.");
        Base64.Decoder decode = Base64.getUrlDecoder();
        Base64.Encoder encode = Base64.getUrlEncoder().withoutPadding();
        String claims = edit.apply(new String(decode.decode(parts[1]), StandardCharsets.UTF_8));
        String signed = parts[0] + "." + encode.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(realmSigningKey());
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + encode.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The token with its header's key id changed: its signature matches no key the app holds, so verifying it
     * makes the app ask Keycloak for new signing keys first.
     */
    public static String withUnknownKeyId(String token) {
        String[] parts = token.split("\\.");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rotated-key\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + "." + parts[2];
    }

    private static PrivateKey realmSigningKey() throws GeneralSecurityException {
        try {
            var realm = new ObjectMapper()
                    .readTree(Path.of("src/main/keycloak/tandem-realm.json").toFile());
            for (var provider : realm.at("/components/org.keycloak.keys.KeyProvider")) {
                if ("rsa".equals(provider.path("providerId").asText())) {
                    byte[] der = Base64.getDecoder().decode(provider.at("/config/privateKey/0").asText());
                    return KeyFactory.getInstance("RSA")
                            .generatePrivate(new PKCS8EncodedKeySpec(der));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the realm file pins no RSA signing key");
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

    public static String tokenUrl() {
        return ConfigProvider.getConfig().getValue(TandemServices.KEYCLOAK_URL_PROPERTY, String.class)
                + "/protocol/openid-connect/token";
    }
}
