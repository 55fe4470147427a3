package org.tandem.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The test Keycloak's own administrator (master realm, admin-cli): to look at accounts Tandem made, and to do what a
 * person does with Keycloak's e-mails (set a password from an invitation link).
 */
public final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    public static String realmUrl() {
        return ConfigProvider.getConfig().getValue(TandemServices.KEYCLOAK_URL_PROPERTY, String.class);
    }

    /** Requests to the demo realm's Admin REST API, e.g. {@code realm().get("/users/{id}", id)}. */
    public static RequestSpecification realm() {
        String realmUrl = realmUrl();
        String server = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        String token = given().baseUri(server).formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
        return given().baseUri(realmUrl.replaceFirst("/realms/", "/admin/realms/")).auth().oauth2(token)
                .contentType("application/json");
    }

    public static JsonPath user(String id) {
        return realm().get("/users/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static List<String> realmRoles(String id) {
        return realm().get("/users/" + id + "/role-mappings/realm").then().statusCode(200).extract().jsonPath()
                .getList("name");
    }

    /** What the invited person does through the e-mailed link: sets a password (demo, as every demo user has). */
    public static void completeInvitation(String id) {
        realm().body(Map.of("type", "password", "value", "demo", "temporary", false))
                .put("/users/" + id + "/reset-password").then().statusCode(204);
        Map<String, Object> user = realm().get("/users/" + id).then().statusCode(200).extract().as(Map.class);
        user.put("requiredActions", List.of());
        realm().body(user).put("/users/" + id).then().statusCode(204);
    }
}
