package org.tandem.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partners signed in themselves, the way a partner comes to be one: a therapist invites them (Tandem creates their
 * Keycloak account), they activate it with the one-time code and choose a password, and sign in with it.
 */
public final class Partners {

    /** Every test partner's password: long enough for the activation's rule. */
    public static final String PASSWORD = "partner-demo-1";

    private static final Map<String, String> USERNAMES = new ConcurrentHashMap<>();

    private Partners() {
    }

    public static String accountPath(String coupleId, String partnerId) {
        return "/api/v1/couples/" + coupleId + "/partners/" + partnerId + "/account";
    }

    /** Invites the partner as {@code therapist} and answers the one-time activation code. */
    public static String invite(String therapist, String coupleId, String partnerId) {
        return Api.as(therapist).body(Map.of("email", "p-" + Api.unique() + "@example.invalid"))
                .post(accountPath(coupleId, partnerId)).then().statusCode(200).extract().path("activationCode");
    }

    /** Activates an invitation: answers the username to sign in with. */
    public static String activate(String code) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code, "password", PASSWORD))
                .post("/api/v1/partner-activation").then().statusCode(200).extract().path("username");
    }

    /** Requests as the partner, invited by {@code therapist} and activated on first use. */
    public static RequestSpecification as(String therapist, String coupleId, String partnerId) {
        return given().auth().oauth2(token(therapist, coupleId, partnerId)).contentType(ContentType.JSON);
    }

    /** The partner's (cached) access token, invited by {@code therapist} and activated on first use. */
    public static String token(String therapist, String coupleId, String partnerId) {
        String username = USERNAMES.computeIfAbsent(partnerId, p -> activate(invite(therapist, coupleId, p)));
        return Tokens.of(username, PASSWORD);
    }

    /** A demo partner of C-DEMO01 (partner1a, partner1b), password demo. */
    public static RequestSpecification demo(String username) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON);
    }
}
