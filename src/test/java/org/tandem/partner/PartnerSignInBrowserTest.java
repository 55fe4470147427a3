package org.tandem.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.KeycloakAdmin;
import org.tandem.testsupport.Partners;

/**
 * A partner signs in as a partner's app would make them: authorization code with PKCE (S256) through the public
 * client tandem-partner-app, on Keycloak's real login page, in a real headless browser (Debian's chromium, driven
 * by chromium-driver through Selenium). The app receives the code on a loopback redirect (RFC 8252), exchanges it
 * with its verifier, and calls the /me API with the token.
 */
@QuarkusTest
class PartnerSignInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String CLIENT = "tandem-partner-app";

    private HttpServer app;
    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void startTheBrowserAndTheAppsRedirectListener() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are needed (.ci/run installs them: apt-get install chromium"
                        + " chromium-driver)");
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/callback", exchange -> {
            byte[] page = "<html><body><h1 id=\"done\">Signed in</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        app.start();
        profile = Files.createTempDirectory("tandem-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // The closed network here refuses Chromium's background connections; it needs none of them.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-quic", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.stop(0);
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aPartnerSignsInOnKeycloaksPageWithPkceAndSeesTheirOwnView() throws Exception {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(Api.unique()));
        String coupleId = couple.path("id");
        String partnerId = couple.path("partners[1].id");
        String username = Partners.activate(Partners.invite("therapist1", coupleId, partnerId));

        String redirect = "http://127.0.0.1:" + app.getAddress().getPort() + "/callback";
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        browser.get(authorize(redirect, challenge(verifier), state));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Partners.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(redirect));
        assertEquals("Signed in", browser.findElement(By.id("done")).getText());
        Map<String, String> answer = query(browser.getCurrentUrl());
        assertEquals(state, answer.get("state"));

        // The code alone is worth nothing to whoever intercepts it: without the verifier Keycloak refuses it.
        given().formParams(Map.of("grant_type", "authorization_code", "client_id", CLIENT, "code", answer.get("code"),
                "redirect_uri", redirect, "code_verifier", randomUrlSafe(32))).post(tokenUrl()).then()
                .statusCode(400).body("error", equalTo("invalid_grant"));

        // Signed in already: a second authorization needs no password, and this time the app keeps its verifier.
        String verifier2 = randomUrlSafe(32);
        browser.get(authorize(redirect, challenge(verifier2), state));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(redirect));
        String token = given().formParams(Map.of("grant_type", "authorization_code", "client_id", CLIENT,
                "code", query(browser.getCurrentUrl()).get("code"), "redirect_uri", redirect,
                "code_verifier", verifier2)).post(tokenUrl()).then().statusCode(200).extract().path("access_token");

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("partnerId", equalTo(partnerId)).body("coupleId", equalTo(coupleId));
        given().auth().oauth2(token).get("/api/v1/couples/" + coupleId).then().statusCode(403);

        // The public client insists on PKCE: an authorization request without a challenge is refused.
        browser.get(KeycloakAdmin.realmUrl() + "/protocol/openid-connect/auth?client_id=" + CLIENT
                + "&response_type=code&scope=openid&redirect_uri=" + enc(redirect) + "&state=" + state);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(redirect));
        assertEquals("invalid_request", query(browser.getCurrentUrl()).get("error"));
    }

    private static String authorize(String redirect, String challenge, String state) {
        return KeycloakAdmin.realmUrl() + "/protocol/openid-connect/auth?client_id=" + CLIENT
                + "&response_type=code&scope=openid&redirect_uri=" + enc(redirect) + "&state=" + state
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static String tokenUrl() {
        return KeycloakAdmin.realmUrl() + "/protocol/openid-connect/token";
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
