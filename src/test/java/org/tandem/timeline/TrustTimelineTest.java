package org.tandem.timeline;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tandem.boundary.BoundaryResourceTest;
import org.tandem.measurement.MeasurementResourceTest;
import org.tandem.questionnaire.QuestionnaireResourceTest;
import org.tandem.sobriety.SobrietyResourceTest;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.ClinicDays;
import org.tandem.testsupport.Partners;

/** The trust timeline: every signal of the recovery work on one line of days, as JSON and as a one-page PDF. */
@QuarkusTest
class TrustTimelineTest {

    @Test
    void theTimelineShowsTheRecoveryWorkInOrderAndThePdfIsOnePageWithoutNames() throws Exception {
        String marker = unique();
        Response couple = Api.createCouple("therapist1", Api.coupleBody(marker));
        String coupleId = couple.path("id");
        String kit = couple.path("partners[0].id");
        String lee = couple.path("partners[1].id");
        String base = "/api/v1/couples/" + coupleId;
        LocalDate today = ClinicDays.demoToday();

        // D-day and the disclosure.
        String disclosure = as("therapist1").body(Map.of("discoveredOn", today.minusDays(60).toString()))
                .post(base + "/disclosures").then().statusCode(201).extract().path("id");
        Partners.as("therapist1", coupleId, kit).header("If-Match", "\"0\"").body(Map.of("text", "Secret words"))
                .put("/api/v1/me/disclosures/" + disclosure + "/document").then().statusCode(200);
        as("therapist1").body(Map.of("disclosedOn", today.minusDays(30).toString()))
                .post(base + "/disclosures/" + disclosure + "/completion").then().statusCode(200);
        as("therapist1").body(Map.of("kind", "DISCLOSURE", "examinedOn", today.minusDays(29).toString(),
                "examiner", "R. Examiner", "questions", List.of(Map.of("text", "Anything left out?", "outcome",
                        "PASS")))).post(base + "/polygraphs").then().statusCode(201);
        // The impact letter, read in session; a boundary agreed, then broken; a slip; a stage; ratings; a CSI-16.
        String letter = Partners.as("therapist1", coupleId, lee).body(Map.of("kind", "IMPACT", "text", "It hurt"))
                .post("/api/v1/me/letters").then().statusCode(201).extract().path("id");
        as("therapist1").body(Map.of("readOn", today.minusDays(20).toString()))
                .post(base + "/letters/" + letter + "/reading").then().statusCode(200);
        String boundary = as("therapist1").body(BoundaryResourceTest.boundary("No apps " + marker, lee, null,
                today.minusDays(25), null)).post(base + "/boundaries").then().statusCode(201).extract().path("id");
        as("therapist1").body(Map.of("partnerId", kit, "occurredOn", today.minusDays(10).toString()))
                .post(base + "/boundaries/" + boundary + "/breaks").then().statusCode(201);
        as("therapist1").body(SobrietyResourceTest.reset(today.minusDays(10), "SLIP", "Note " + marker))
                .post(SobrietyResourceTest.path(coupleId, kit) + "/resets").then().statusCode(201);
        as("therapist1").body(Map.of("stage", "REPAIR", "since", today.minusDays(5).toString()))
                .post(base + "/partners/" + kit + "/recovery-stages").then().statusCode(201);
        as("therapist1").body(MeasurementResourceTest.rating("trust", lee, today.minusDays(28), 2, "THERAPIST"))
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(201);
        as("therapist1").body(MeasurementResourceTest.rating("trust", lee, today.minusDays(3), 5, "THERAPIST"))
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(201);
        java.util.Map<String, Object> csi = new java.util.HashMap<>(QuestionnaireResourceTest.answers("csi-16", lee,
                Collections.nCopies(16, 2), "THERAPIST"));
        csi.put("date", today.minusDays(2).toString());
        as("therapist1").body(csi).post(base + "/questionnaires").then().statusCode(201);

        String from = today.minusDays(90).toString();
        Response timeline = as("therapist1").queryParam("from", from).get(base + "/trust-timeline").then()
                .statusCode(200).body("events.type", hasItems("DISCOVERY", "DISCLOSURE", "POLYGRAPH", "LETTER_READ",
                        "BOUNDARY_AGREED", "BOUNDARY_BROKEN", "SOBRIETY_RESET", "RECOVERY_STAGE", "TRUST_RATING",
                        "CSI_16"))
                .body("events[0].type", equalTo("DISCOVERY"))
                .body("events.find { it.type == 'POLYGRAPH' }.outcome", equalTo("PASS"))
                .body("events.find { it.type == 'BOUNDARY_BROKEN' }.partnerId", equalTo(kit))
                .body("events.find { it.type == 'SOBRIETY_RESET' }.category", equalTo("SLIP"))
                .body("events.findAll { it.type == 'TRUST_RATING' }.value", equalTo(List.of(2.0f, 5.0f)))
                .body("partners.find { it.partnerId == '" + kit + "' }.recoveryStage.stage", equalTo("REPAIR"))
                .body("partners.find { it.partnerId == '" + kit + "' }.currentStreakStart",
                        equalTo(today.minusDays(9).toString()))
                .extract().response();
        List<String> days = timeline.path("events.on");
        assertEquals(days.stream().sorted().toList(), days, "oldest first");
        String json = timeline.asString();
        assertFalse(json.contains(marker) || json.contains("Secret") || json.contains("hurt"), json);

        // An admin sees the milestones, not the polygraph's outcome.
        as("admin1").queryParam("from", from).get(base + "/trust-timeline").then().statusCode(200)
                .body("events.find { it.type == 'POLYGRAPH' }.outcome", nullValue());

        byte[] pdf = as("therapist1").accept("application/pdf").queryParam("from", from).queryParam("format", "pdf")
                .get(base + "/trust-timeline").then().statusCode(200).contentType("application/pdf").extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Trust timeline") && text.contains("disclosure") && text.contains("slip"),
                    text);
            assertFalse(text.contains(marker) || text.contains("Kit") || text.contains("Secret"), text);
        }
    }

    @Test
    void badQueriesAndOtherCallersAreRefused() {
        String coupleId = Api.createCouple("therapist1", unique());
        String url = "/api/v1/couples/" + coupleId + "/trust-timeline";
        as("therapist1").queryParam("format", "docx").get(url).then().statusCode(400);
        as("therapist1").queryParam("from", "2026-13-01").get(url).then().statusCode(400);
        as("therapist1").get(url).then().statusCode(200).body("events", hasSize(0));
        anonymous().get(url).then().statusCode(401);
        asIntegration().get(url).then().statusCode(403);
        as("therapist2").get(url).then().statusCode(404);
        as("admin9").get(url).then().statusCode(404);
    }
}
