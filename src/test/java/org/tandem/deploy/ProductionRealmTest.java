package org.tandem.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.TandemServices;

/**
 * The production realm template imports into the real Keycloak as docs/deployment.md says, and is what it claims:
 * no password grant, no demo user or secret, brute-force detection, an authenticator app for every person, and
 * tokens the API accepts only from the clients meant to get them.
 */
@QuarkusTest
class ProductionRealmTest {

    static final Path TEMPLATE = Path.of("src/main/keycloak/tandem-realm-production.json");

    @Test
    void theTemplateImportsAndRefusesThePasswordGrant() throws Exception {
        String realmUrl = ConfigProvider.getConfig().getValue(TandemServices.KEYCLOAK_URL_PROPERTY, String.class);
        String server = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        String name = "tandem-prod-" + Api.unique();
        ObjectNode realm = (ObjectNode) new ObjectMapper().readTree(Files.readString(TEMPLATE));
        assertFalse(Files.readString(TEMPLATE).contains("tandem-api-secret"), "no demo secret");
        realm.put("realm", name);
        String admin = given().baseUri(server).formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
        given().baseUri(server).auth().oauth2(admin).contentType("application/json").body(realm.toString())
                .post("/admin/realms").then().statusCode(201);
        try {
            JsonPath imported = given().baseUri(server).auth().oauth2(admin).get("/admin/realms/" + name).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(true, imported.getBoolean("bruteForceProtected"));
            assertEquals("all", imported.getString("sslRequired"));
            assertTrue(imported.getString("passwordPolicy").contains("length(12)"), imported.getString("passwordPolicy"));
            List<Map<String, Object>> actions = given().baseUri(server).auth().oauth2(admin)
                    .get("/admin/realms/" + name + "/authentication/required-actions").then().statusCode(200).extract()
                    .jsonPath().getList("$");
            assertTrue(actions.stream().anyMatch(a -> "CONFIGURE_TOTP".equals(a.get("alias"))
                    && Boolean.TRUE.equals(a.get("enabled")) && Boolean.TRUE.equals(a.get("defaultAction"))),
                    "every new person must set up an authenticator app: " + actions);
            assertEquals(0, given().baseUri(server).auth().oauth2(admin).get("/admin/realms/" + name + "/users/count")
                    .then().statusCode(200).extract().as(Integer.class), "no demo user");
            List<Map<String, Object>> clients = given().baseUri(server).auth().oauth2(admin)
                    .get("/admin/realms/" + name + "/clients").then().statusCode(200).extract().jsonPath().getList("$");
            for (Map<String, Object> client : clients) {
                // Keycloak's own admin-cli is its command-line client, made with every realm; the realm's own
                // clients have no password grant.
                if (!"admin-cli".equals(client.get("clientId"))) {
                    assertEquals(false, client.get("directAccessGrantsEnabled"),
                            "no password grant for " + client.get("clientId"));
                }
            }
            for (String people : List.of("tandem-console", "tandem-partner-app")) {
                Map<String, Object> app = clients.stream().filter(c -> people.equals(c.get("clientId")))
                        .findFirst().orElseThrow();
                assertEquals(true, app.get("publicClient"), people);
                assertEquals("S256", ((Map<?, ?>) app.get("attributes")).get("pkce.code.challenge.method"), people);
            }
            given().baseUri(server).auth().oauth2(admin).get("/admin/realms/" + name + "/roles/partner").then()
                    .statusCode(200);

            // A person with a password still gets no token by password grant, through any client.
            given().baseUri(server).auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("username", "staff1", "enabled", true, "credentials",
                            List.of(Map.of("type", "password", "value", "a-long-passphrase-1", "temporary", false))))
                    .post("/admin/realms/" + name + "/users").then().statusCode(201);
            for (String client : List.of("tandem-api", "tandem-console", "tandem-partner-app")) {
                io.restassured.response.Response refused = given().baseUri(server).formParam("grant_type", "password")
                        .formParam("client_id", client).formParam("username", "staff1")
                        .formParam("password", "a-long-passphrase-1")
                        .post("/realms/" + name + "/protocol/openid-connect/token");
                assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500 && refused.path("access_token") == null
                        && refused.path("error") != null, client + " answered " + refused.asString());
            }
        } finally {
            given().baseUri(server).auth().oauth2(admin).delete("/admin/realms/" + name).then().statusCode(204);
        }
    }
}
