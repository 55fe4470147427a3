package org.tandem.therapist;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TherapistResourceTest {

    private static final String THERAPISTS = "/api/v1/therapists";

    @Test
    void adminsSeeTheirClinicsTherapistsOnly() {
        as("admin1").queryParam("size", 100).get(THERAPISTS).then().statusCode(200)
                .body("items.username", hasItems("therapist1", "therapist2"))
                .body("items.username", not(hasItem("therapist9")));
        as("admin9").queryParam("size", 100).get(THERAPISTS).then().statusCode(200)
                .body("items.username", equalTo(java.util.List.of("therapist9")));
    }

    @Test
    void aTherapistsProfileFollowsTheirToken() {
        as("therapist1").get("/api/v1/couples").then().statusCode(200);
        as("admin1").queryParam("size", 100).get(THERAPISTS).then().statusCode(200)
                .body("items.find { it.username == 'therapist1' }.displayName", equalTo("Dana Therapist"))
                .body("items.find { it.username == 'therapist1' }.email", equalTo("therapist1@demo.tandem.invalid"));
    }

    @Test
    void onlyAdminsListTherapists() {
        anonymous().get(THERAPISTS).then().statusCode(401);
        as("therapist1").get(THERAPISTS).then().statusCode(403);
        asIntegration().get(THERAPISTS).then().statusCode(403);
    }

    @Test
    void pageSizeIsBounded() {
        as("admin1").queryParam("size", 1000).get(THERAPISTS).then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        as("admin1").queryParam("size", 1).get(THERAPISTS).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("size", equalTo(1));
    }
}
