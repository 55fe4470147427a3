package org.tandem.clinic;

import static org.hamcrest.Matchers.equalTo;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changes only other-clinic's settings, and puts them back: the other tests rely on demo-clinic's. */
@QuarkusTest
class ClinicResourceTest {

    private static final String CLINIC = "/api/v1/clinic";

    @Test
    void everyoneSeesTheirOwnClinic() {
        as("therapist1").get(CLINIC).then().statusCode(200)
                .body("key", equalTo("demo-clinic")).body("timeZone", equalTo("Europe/Berlin"))
                .body("lateCancelHours", equalTo(24));
        as("admin9").get(CLINIC).then().statusCode(200).body("key", equalTo("other-clinic"));
    }

    @Test
    void anAdminChangesTheSettingsWithTheCurrentVersion() {
        Response before = as("admin9").get(CLINIC).then().statusCode(200).extract().response();
        Map<String, Object> change = Map.of("name", "Other Clinic (renamed)", "timeZone", "America/Chicago",
                "lateCancelHours", 48);
        as("admin9").body(change).put(CLINIC).then().statusCode(428);
        as("admin9").header("If-Match", "\"999\"").body(change).put(CLINIC).then().statusCode(412);
        String etag = as("admin9").header("If-Match", before.header("ETag")).body(change).put(CLINIC).then()
                .statusCode(200).body("timeZone", equalTo("America/Chicago")).body("lateCancelHours", equalTo(48))
                .extract().header("ETag");
        as("admin9").header("If-Match", etag).body(Map.of("name", before.path("name"), "timeZone",
                before.path("timeZone"), "lateCancelHours", before.path("lateCancelHours"))).put(CLINIC).then()
                .statusCode(200).body("timeZone", equalTo("America/New_York"));
    }

    @Test
    void badSettingsAreFieldErrors() {
        String etag = as("admin9").get(CLINIC).then().extract().header("ETag");
        as("admin9").header("If-Match", etag).body(Map.of("name", "X", "timeZone", "Mars/Olympus", "lateCancelHours", 24))
                .put(CLINIC).then().statusCode(400).body("violations[0].field", equalTo("timeZone"));
        as("admin9").header("If-Match", etag).body(Map.of("name", "X", "timeZone", "UTC", "lateCancelHours", 500))
                .put(CLINIC).then().statusCode(400).body("violations[0].field", equalTo("lateCancelHours"));
        as("admin9").get(CLINIC).then().header("ETag", equalTo(etag));
    }

    @Test
    void onlyAdminsChangeSettings() {
        anonymous().get(CLINIC).then().statusCode(401);
        anonymous().body(Map.of()).put(CLINIC).then().statusCode(401);
        asIntegration().get(CLINIC).then().statusCode(403);
        asIntegration().body(Map.of()).put(CLINIC).then().statusCode(403);
        as("therapist9").header("If-Match", "\"0\"")
                .body(Map.of("name", "X", "timeZone", "UTC", "lateCancelHours", 1)).put(CLINIC).then().statusCode(403);
    }
}
