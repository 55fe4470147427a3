package org.tandem.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.testsupport.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Test
    void loadingTwiceCreatesNothingTwice() {
        // The app loaded it at start (demo data is on in the test profile); a second load finds everything.
        assertEquals(0, demoData.load());
        as("admin1").queryParam("q", "C-DEMO01").get("/api/v1/couples").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].status", equalTo("ACTIVE"))
                .body("items[0].primaryTherapist.displayName", equalTo("Dana Therapist"));
        as("admin9").queryParam("q", "C-OTHER1").get("/api/v1/couples").then().statusCode(200)
                .body("totalItems", equalTo(1));
    }

    @Test
    void demoUsersSeeTheirDemoCouples() {
        as("therapist9").queryParam("q", "C-").get("/api/v1/couples").then().statusCode(200)
                .body("items.code", equalTo(java.util.List.of("C-OTHER1")));
    }
}
