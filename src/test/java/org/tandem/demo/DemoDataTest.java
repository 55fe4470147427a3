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
    void theFirstDemoCoupleHasMonthsOfProgress() {
        String id = as("therapist1").queryParam("q", "C-DEMO01").get("/api/v1/couples").then().extract()
                .path("items[0].id");
        as("therapist1").queryParam("from", "2026-03-01").queryParam("to", "2026-11-30")
                .get("/api/v1/couples/" + id + "/progress").then().statusCode(200)
                .body("partners[0].questionnaires[0].key", equalTo("phq-9"))
                .body("partners[0].questionnaires[0].series", org.hamcrest.Matchers.hasSize(9))
                .body("partners[0].questionnaires[0].outcome", equalTo("RECOVERED"))
                .body("partners[1].questionnaires[0].key", equalTo("csi-16"))
                .body("partners[1].questionnaires[0].baseline.value", equalTo(30.0f))
                .body("partners[1].questionnaires[0].latest.value", equalTo(56.0f))
                .body("partners[1].questionnaires[0].outcome", equalTo("RECOVERED"))
                .body("partners[0].sobriety.currentStreakStart", equalTo("2026-06-21"))
                .body("couple[0].key", equalTo("communication"));
    }

    /** A new user finds the recovery work on the trust timeline: discovery to restitution, and the stages. */
    @Test
    void theFirstDemoCoupleHasATrustTimeline() {
        String id = as("therapist1").queryParam("q", "C-DEMO01").get("/api/v1/couples").then().extract()
                .path("items[0].id");
        as("therapist1").queryParam("from", "2026-02-01").queryParam("to", "2026-11-30")
                .get("/api/v1/couples/" + id + "/trust-timeline").then().statusCode(200)
                .body("events.findAll { it.type != 'TRUST_RATING' && it.type != 'CSI_16' }.type", equalTo(
                        java.util.List.of("DISCOVERY", "RECOVERY_STAGE", "RECOVERY_STAGE", "DISCLOSURE", "POLYGRAPH",
                                "LETTER_READ", "RECOVERY_STAGE", "SOBRIETY_RESET", "LETTER_READ", "RECOVERY_STAGE",
                                "POLYGRAPH")))
                .body("partners[0].recoveryStage.stage", equalTo("REPAIR"));
        // By default the timeline starts on the day of discovery, before their care began.
        as("therapist1").get("/api/v1/couples/" + id + "/trust-timeline").then().statusCode(200)
                .body("from", equalTo("2026-02-10")).body("events[0].type", equalTo("DISCOVERY"));
        // The disclosure is over: its document was destroyed, as agreed in session.
        as("therapist1").get("/api/v1/couples/" + id + "/disclosures").then().statusCode(200)
                .body("[0].status", equalTo("DESTROYED")).body("[0].destructionAgreement", equalTo("IN_SESSION"));
        as("therapist1").get("/api/v1/couples/" + id + "/polygraphs").then().statusCode(200)
                .body("schedule.nextDueOn", equalTo("2027-04-26"));
    }

    /** A new user finds a clinical record to look at: diagnoses, a signed plan measured by the progress, consents. */
    @Test
    void theFirstDemoCoupleHasAClinicalRecord() {
        io.restassured.response.Response couple = as("therapist1").queryParam("q", "C-DEMO01")
                .get("/api/v1/couples").then().extract().response();
        String id = couple.path("items[0].id");
        String alex = as("therapist1").get("/api/v1/couples/" + id).then()
                .body("partners.email", equalTo(java.util.List.of("alex@demo.tandem.invalid",
                        "jordan@demo.tandem.invalid"))).extract().path("partners[0].id");
        as("therapist1").get("/api/v1/couples/" + id + "/partners/" + alex + "/diagnoses").then().statusCode(200)
                .body("code", equalTo(java.util.List.of("F52.8")));
        as("therapist1").get("/api/v1/couples/" + id + "/treatment-plan").then().statusCode(200)
                .body("inForce", equalTo(1)).body("latest.status", equalTo("SIGNED"));
        as("therapist1").queryParam("from", "2026-03-01").queryParam("to", "2026-11-30")
                .get("/api/v1/couples/" + id + "/progress").then().statusCode(200)
                .body("objectives.key", equalTo(java.util.List.of("phq-9", "csi-16", "trust")))
                .body("objectives.met", equalTo(java.util.List.of(true, true, false)));
        org.tandem.testsupport.Partners.demo("partner1b").get("/api/v1/me/treatment-plan").then().statusCode(200)
                .body("problems[0].text", equalTo("Trust broken after discovery"));
        as("admin1").queryParam("all", true).get("/api/v1/consent-templates").then().statusCode(200)
                .body("title", org.hamcrest.Matchers.hasItems("Informed consent for couples therapy",
                        "Limited-secrets policy"));
    }

    @Test
    void demoUsersSeeTheirDemoCouples() {
        // Other tests add couples of their own; what matters is C-OTHER1 and nothing of the demo clinic.
        as("therapist9").queryParam("q", "C-").queryParam("size", 100).get("/api/v1/couples").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.hasItem("C-OTHER1"))
                .body("items.code", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.startsWith("C-DEMO"))));
    }
}
