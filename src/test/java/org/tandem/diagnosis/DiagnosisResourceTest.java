package org.tandem.diagnosis;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Partners;

@QuarkusTest
class DiagnosisResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Inject
    AgroalDataSource db;

    static String path(String coupleId, String partnerId) {
        return "/api/v1/couples/" + coupleId + "/partners/" + partnerId + "/diagnoses";
    }

    static Map<String, Object> diagnosis(String code, LocalDate onset) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("onsetOn", onset == null ? null : onset.toString());
        return body;
    }

    @Test
    void aTherapistRecordsResolvesAndMarksDiagnosesThatAdminsSeeOnlyExist() throws Exception {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String partnerId = couple.path("partners[0].id");
        String webhook = as("admin1").body(Map.of("url", "http://127.0.0.1:9/diagnoses", "events",
                List.of("diagnosis.recorded", "diagnosis.resolved", "diagnosis.entered-in-error")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        try {
            Response created = as("therapist1").body(diagnosis(" f43.21 ", TODAY.minusMonths(3)))
                    .post(path(coupleId, partnerId)).then().statusCode(201)
                    .body("code", equalTo("F43.21"))
                    .body("description", equalTo("Adjustment disorder with depressed mood"))
                    .body("status", equalTo("ACTIVE")).body("onsetOn", equalTo(TODAY.minusMonths(3).toString()))
                    .extract().response();
            String id = created.path("id");
            assertTrue(created.header("Location").endsWith(path(coupleId, partnerId) + "/" + id));
            String other = as("therapist1").body(diagnosis("Z63.0", null)).post(path(coupleId, partnerId)).then()
                    .statusCode(201).extract().path("id");

            // An admin sees that they exist and their status, never the code.
            as("admin1").get(path(coupleId, partnerId)).then().statusCode(200).body("$", hasSize(2))
                    .body("[0].id", equalTo(id)).body("[0].status", equalTo("ACTIVE"))
                    .body("[0].code", nullValue()).body("[0].description", nullValue())
                    .body("[0].onsetOn", nullValue());
            assertFalse(as("admin1").get(path(coupleId, partnerId) + "/" + id).asString().contains("F43"));

            Response resolved = as("therapist1").header("If-Match", created.header("ETag"))
                    .body(Map.of("resolvedOn", TODAY.toString())).post(path(coupleId, partnerId) + "/" + id
                            + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"))
                    .body("resolvedOn", equalTo(TODAY.toString())).extract().response();
            // Stale, then no longer active.
            as("therapist1").header("If-Match", created.header("ETag")).post(path(coupleId, partnerId) + "/" + id
                    + "/entered-in-error").then().statusCode(412);
            as("therapist1").header("If-Match", resolved.header("ETag")).body(Map.of("resolvedOn", TODAY.toString()))
                    .post(path(coupleId, partnerId) + "/" + id + "/resolve").then().statusCode(409)
                    .body("type", equalTo("/problems/diagnosis-not-active"));
            String etag = as("therapist1").get(path(coupleId, partnerId) + "/" + other).then().statusCode(200)
                    .extract().header("ETag");
            as("therapist1").header("If-Match", etag).post(path(coupleId, partnerId) + "/" + other
                    + "/entered-in-error").then().statusCode(200).body("status", equalTo("ENTERED_IN_ERROR"));
            as("therapist1").get(path(coupleId, partnerId)).then().statusCode(200)
                    .body("status", equalTo(List.of("RESOLVED", "ENTERED_IN_ERROR")));

            // The events name the records and their status, not the codes.
            List<String> payloads = payloads(List.of(id, other));
            assertEquals(4, payloads.size(), "recorded twice, resolved once, marked once: " + payloads);
            for (String payload : payloads) {
                assertTrue(payload.contains(partnerId), payload);
                assertFalse(payload.contains("F43") || payload.contains("Z63") || payload.contains("Adjustment"),
                        "a diagnosis event carries no code: " + payload);
            }
        } finally {
            as("admin1").delete("/api/v1/webhooks/" + webhook).then().statusCode(200);
        }
    }

    /** The outbox events that name either diagnosis. */
    private List<String> payloads(List<String> ids) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select payload from outbox_event where event_type like 'diagnosis.%' and (payload like ?"
                        + " or payload like ?)")) {
            s.setString(1, "%" + ids.get(0) + "%");
            s.setString(2, "%" + ids.get(1) + "%");
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    @Test
    void codesAreCheckedAgainstTheClinicsListWhichAnAdminExtends() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String url = path(couple.path("id"), couple.path("partners[1].id"));
        as("therapist1").get("/api/v1/diagnosis-codes").then().statusCode(200)
                .body("code", hasItem("Z63.0")).body("code", hasItem("F43.10")).body("code", hasItem("F52.8"))
                .body("find { it.code == 'F41.1' }.source", equalTo("ICD-10-CM FY2026 (CDC/NCHS)"))
                .body("find { it.code == 'F41.1' }.starter", equalTo(true));

        as("therapist1").body(diagnosis("F99.999", null)).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("code"));
        as("therapist1").body(diagnosis("relationship trouble", null)).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("code"));
        as("therapist1").body(diagnosis("F41.1", TODAY.plusDays(1))).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("onsetOn"));
        as("therapist1").body(Map.of("onsetOn", "2026-02-30", "code", "F41.1")).post(url).then().statusCode(400);
        as("therapist1").get(url).then().statusCode(200).body("$", hasSize(0));

        // A clinic's own code: only in that clinic, once.
        String code = "F4Z." + unique().substring(0, 4).toUpperCase(java.util.Locale.ROOT);
        as("admin1").body(Map.of("code", code, "description", "Clinic code " + unique(), "source", "Clinic list"))
                .post("/api/v1/diagnosis-codes").then().statusCode(201).body("starter", equalTo(false))
                .body("code", equalTo(code));
        as("admin1").body(Map.of("code", code.toLowerCase(), "description", "again", "source", "x"))
                .post("/api/v1/diagnosis-codes").then().statusCode(409)
                .body("type", equalTo("/problems/diagnosis-code-exists"));
        as("admin1").body(Map.of("code", "Z63.0", "description", "again", "source", "x"))
                .post("/api/v1/diagnosis-codes").then().statusCode(409);
        as("admin1").body(Map.of("code", "not a code", "description", "x", "source", "x"))
                .post("/api/v1/diagnosis-codes").then().statusCode(400).body("violations[0].field", equalTo("code"));
        as("therapist1").body(diagnosis(code, null)).post(url).then().statusCode(201).body("code", equalTo(code));
        as("admin9").get("/api/v1/diagnosis-codes").then().statusCode(200).body("code", not(hasItem(code)));
        Response theirs = Api.createCouple("therapist9", Api.coupleBody(unique()));
        as("therapist9").body(diagnosis(code, null)).post(path(theirs.path("id"), theirs.path("partners[0].id")))
                .then().statusCode(400).body("violations[0].field", equalTo("code"));
    }

    @Test
    void diagnosesFollowTheRoleMatrix() {
        Response couple = Api.createCouple("therapist1", Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String partnerId = couple.path("partners[0].id");
        String url = path(coupleId, partnerId);
        String id = as("therapist1").body(diagnosis("F41.1", null)).post(url).then().statusCode(201).extract()
                .path("id");

        anonymous().get(url).then().statusCode(401);
        anonymous().body(diagnosis("F41.1", null)).post(url).then().statusCode(401);
        anonymous().get(url + "/" + id).then().statusCode(401);
        anonymous().get("/api/v1/diagnosis-codes").then().statusCode(401);

        // Admins do not diagnose; integrations and partners do not see diagnoses at all.
        as("admin1").body(diagnosis("F41.1", null)).post(url).then().statusCode(403);
        as("admin1").header("If-Match", "\"0\"").post(url + "/" + id + "/entered-in-error").then().statusCode(403);
        as("therapist1").body(Map.of("code", "F42.8", "description", "x", "source", "x"))
                .post("/api/v1/diagnosis-codes").then().statusCode(403);
        asIntegration().get(url).then().statusCode(403);
        asIntegration().get("/api/v1/diagnosis-codes").then().statusCode(403);
        Partners.as("therapist1", coupleId, partnerId).get(url).then().statusCode(403);

        // Another therapist's couple, another clinic, another partner's diagnosis: not found.
        as("therapist2").get(url).then().statusCode(404);
        as("therapist2").get(url + "/" + id).then().statusCode(404);
        as("admin9").get(url + "/" + id).then().statusCode(404);
        as("therapist9").body(diagnosis("F41.1", null)).post(url).then().statusCode(404);
        as("therapist1").get(path(coupleId, couple.path("partners[1].id")) + "/" + id).then().statusCode(404);
        as("therapist1").get(path(coupleId, java.util.UUID.randomUUID().toString())).then().statusCode(404);
    }
}
