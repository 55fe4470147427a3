package org.tandem.sdk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Management;

/**
 * docs/openapi.json is the published contract and the input of the generated Java client (pom: openapi-generator).
 * It must equal what the running API serves. After an API change, regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dtandem-devenv.openapi.write=true} and commit it.
 */
@QuarkusTest
class OpenApiContractTest {

    static final Path CONTRACT = Path.of("docs/openapi.json");

    @Test
    void theCommittedContractIsWhatTheApiServes() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        JsonNode live = json.readTree(Management.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        if (Boolean.getBoolean("tandem-devenv.openapi.write")) {
            Files.writeString(CONTRACT, json.writeValueAsString(json.treeToValue(live, Object.class)) + "\n");
        }
        assertEquals(live, json.readTree(Files.readString(CONTRACT)),
                "docs/openapi.json is out of date: regenerate it (see this test's comment)");
    }
}
