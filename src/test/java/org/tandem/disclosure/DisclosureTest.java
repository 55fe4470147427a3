package org.tandem.disclosure;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.ClinicDays;
import org.tandem.testsupport.Partners;
import org.tandem.testsupport.Slots;

/**
 * Therapeutic disclosure: the partner in recovery drafts the document with the therapists, the betrayed partner asks
 * the questions and never reads the document through the API, the session is held with both therapists, and the
 * betrayed partner's agreement destroys the document and the questions, leaving only the metadata.
 */
@QuarkusTest
class DisclosureTest {

    private static final String MINE = "/api/v1/me/disclosures";

    @Inject
    AgroalDataSource db;

    record Couple(String id, String kit, String lee) {

        String url() {
            return "/api/v1/couples/" + id + "/disclosures";
        }

        /** Kit, the partner in recovery. */
        RequestSpecification asKit() {
            return Partners.as("therapist1", id, kit);
        }

        /** Lee, the betrayed partner. */
        RequestSpecification asLee() {
            return Partners.as("therapist1", id, lee);
        }
    }

    private static Couple couple(Response created) {
        return new Couple(created.path("id"), created.path("partners[0].id"), created.path("partners[1].id"));
    }

    @Test
    void theDocumentIsDraftedDisclosedInSessionWithBothTherapistsAndDestroyedAsTheBetrayedPartnerAgrees()
            throws Exception {
        Couple c = couple(Bookings.coupleWithBothTherapists());
        LocalDate dday = ClinicDays.demoToday().minusMonths(5);
        String id = as("therapist1").body(Map.of("discoveredOn", dday.toString())).post(c.url()).then()
                .statusCode(201).body("status", equalTo("PLANNING")).body("disclosingPartnerId", equalTo(c.kit()))
                .body("betrayedPartnerId", equalTo(c.lee())).body("discoveredOn", equalTo(dday.toString()))
                .body("hasDocument", equalTo(false)).extract().path("id");

        // Kit drafts it in their app; the therapists revise it; a stale version is refused.
        String draft = "I met people from apps for three years " + unique();
        String etag = c.asKit().header("If-Match", "\"0\"").body(Map.of("text", draft))
                .put(MINE + "/" + id + "/document").then().statusCode(200).body("text", equalTo(draft))
                .extract().header("ETag");
        as("therapist1").get(c.url() + "/" + id + "/document").then().statusCode(200).body("text", equalTo(draft));
        String revised = draft + ", and I lied about money.";
        as("therapist2").header("If-Match", etag).body(Map.of("text", revised))
                .put(c.url() + "/" + id + "/document").then().statusCode(200);
        c.asKit().header("If-Match", etag).body(Map.of("text", "stale")).put(MINE + "/" + id + "/document").then()
                .statusCode(412);
        c.asKit().get(MINE + "/" + id + "/document").then().statusCode(200).body("text", equalTo(revised));

        // Lee asks the questions; Kit reads them to answer them; Lee never reads the document.
        c.asLee().body(Map.of("text", "When did it start?")).post(MINE + "/" + id + "/questions").then()
                .statusCode(201).body("number", equalTo(1)).body("askedBy", equalTo(c.lee()))
                .body("text", nullValue());
        c.asLee().body(Map.of("text", "Were there others I know?")).post(MINE + "/" + id + "/questions").then()
                .statusCode(201).body("number", equalTo(2));
        c.asKit().get(MINE + "/" + id + "/questions").then().statusCode(200)
                .body("text", equalTo(List.of("When did it start?", "Were there others I know?")));
        c.asLee().get(MINE + "/" + id + "/document").then().statusCode(403)
                .body("type", equalTo("/problems/disclosure-document-private"));
        String leeSees = c.asLee().get(MINE).then().statusCode(200).body("[0].id", equalTo(id))
                .body("[0].questions", equalTo(2)).body("[0].hasDocument", equalTo(true)).extract().asString();
        assertFalse(leeSees.contains("apps") || leeSees.contains("money"), leeSees);
        c.asKit().body(Map.of("text", "A question of mine")).post(MINE + "/" + id + "/questions").then()
                .statusCode(403);

        // Lee withdraws a question asked in haste: Kit no longer reads it. Only Lee does, and only their own.
        String haste = c.asLee().body(Map.of("text", "Asked in haste")).post(MINE + "/" + id + "/questions").then()
                .statusCode(201).body("number", equalTo(3)).extract().path("id");
        c.asKit().delete(MINE + "/" + id + "/questions/" + haste).then().statusCode(403);
        c.asLee().delete(MINE + "/" + id + "/questions/" + java.util.UUID.randomUUID()).then().statusCode(404);
        c.asLee().delete(MINE + "/" + id + "/questions/" + haste).then().statusCode(204);
        c.asLee().delete(MINE + "/" + id + "/questions/" + haste).then().statusCode(404);
        c.asKit().get(MINE + "/" + id + "/questions").then().statusCode(200)
                .body("text", equalTo(List.of("When did it start?", "Were there others I know?")));
        String first = c.asLee().get(MINE + "/" + id + "/questions").then().statusCode(200).extract().path("[0].id");

        // The session: a joint session of therapist1, with therapist2 beside them.
        LocalDate day = Slots.day();
        String session = Bookings.book("therapist1", Bookings.session(c.id(), day + "T10:00", day + "T12:00"))
                .path("id");
        String version = as("therapist1").get(c.url() + "/" + id).then().statusCode(200).extract().header("ETag");
        as("therapist1").header("If-Match", version).body(Map.of("sessionId", session, "coTherapistId",
                Api.therapistId("admin1", "therapist2"))).put(c.url() + "/" + id + "/session").then()
                .statusCode(200).body("session.sessionId", equalTo(session))
                .body("session.therapistIds", containsInAnyOrder(Api.therapistId("admin1", "therapist1"),
                        Api.therapistId("admin1", "therapist2")));
        // The session is in therapist2's time too: another couple of theirs cannot be booked over it.
        String theirs = Api.createCouple("therapist2", unique());
        as("therapist2").body(Bookings.session(theirs, day + "T11:00", day + "T11:50")).post(Bookings.SESSIONS)
                .then().statusCode(409).body("type", equalTo("/problems/schedule-conflict"))
                .body("conflictingSessionId", equalTo(session));

        // It took place: the document is final.
        as("therapist1").body(Map.of()).post(c.url() + "/" + id + "/completion").then().statusCode(200)
                .body("status", equalTo("DISCLOSED"))
                // The session is in the future of the demo calendar: it is recorded as disclosed today.
                .body("disclosedOn", equalTo(ClinicDays.demoToday().toString()));
        String after = as("therapist1").get(c.url() + "/" + id).then().extract().header("ETag");
        c.asKit().header("If-Match", after).body(Map.of("text", "afterwards")).put(MINE + "/" + id + "/document")
                .then().statusCode(409).body("type", equalTo("/problems/disclosure-disclosed"));
        c.asLee().delete(MINE + "/" + id + "/questions/" + first).then().statusCode(409)
                .body("type", equalTo("/problems/disclosure-disclosed"));

        // Only Lee decides that it is destroyed; then only metadata is left.
        c.asKit().post(MINE + "/" + id + "/destruction").then().statusCode(403);
        c.asLee().post(MINE + "/" + id + "/destruction").then().statusCode(200).body("status", equalTo("DESTROYED"))
                .body("destructionAgreement", equalTo("BY_PARTNER")).body("hasDocument", equalTo(false))
                .body("questions", equalTo(2)).body("session.sessionId", equalTo(session));
        as("therapist1").get(c.url() + "/" + id + "/document").then().statusCode(410)
                .body("type", equalTo("/problems/disclosure-destroyed"));
        c.asKit().get(MINE + "/" + id + "/document").then().statusCode(410);
        as("therapist1").get(c.url() + "/" + id + "/questions").then().statusCode(200).body("text",
                equalTo(java.util.Arrays.asList(null, null)));
        c.asLee().post(MINE + "/" + id + "/destruction").then().statusCode(409);
        try (Connection conn = db.getConnection(); PreparedStatement s = conn.prepareStatement("select"
                + " (select count(*) from disclosure where id = ? and document_ciphertext is null"
                + " and document_key_id is null) + (select count(*) from disclosure_question where disclosure_id = ?"
                + " and text_ciphertext is null and text_key_id is null)")) {
            s.setBytes(1, BinaryUuids.bytes(java.util.UUID.fromString(id)));
            s.setBytes(2, BinaryUuids.bytes(java.util.UUID.fromString(id)));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(3, r.getInt(1), "the document row and both questions hold no ciphertext");
            }
        }
        // A new disclosure may be planned now (a later, fuller one).
        as("therapist1").body(Map.of()).post(c.url()).then().statusCode(201);
    }

    @Test
    void whatTheStateOrTheRequestDoesNotAllowIsRefusedAndNothingChanges() {
        Couple c = couple(Bookings.coupleWithBothTherapists());
        as("therapist1").body(Map.of("discoveredOn", ClinicDays.demoToday().plusDays(1).toString())).post(c.url())
                .then().statusCode(400).body("violations[0].field", equalTo("discoveredOn"));
        as("therapist1").get(c.url()).then().statusCode(200).body("$", hasSize(0));
        String id = as("therapist1").body(Map.of()).post(c.url()).then().statusCode(201).extract().path("id");
        as("therapist1").body(Map.of()).post(c.url()).then().statusCode(409)
                .body("type", equalTo("/problems/disclosure-open"));

        // Nothing to disclose yet; nothing to destroy before the disclosure; agreement must be stated.
        as("therapist1").body(Map.of()).post(c.url() + "/" + id + "/completion").then().statusCode(409)
                .body("type", equalTo("/problems/disclosure-without-document"));
        as("therapist1").body(Map.of("partnerAgreedInSession", true)).post(c.url() + "/" + id + "/destruction")
                .then().statusCode(409).body("type", equalTo("/problems/disclosure-not-disclosed"));
        as("therapist1").body(Map.of("partnerAgreedInSession", false)).post(c.url() + "/" + id + "/destruction")
                .then().statusCode(400);
        as("therapist1").header("If-Match", "\"0\"").body(Map.of("text", " ")).put(c.url() + "/" + id
                + "/document").then().statusCode(400);
        as("therapist1").header("If-Match", "\"0\"").body(Map.of("text", "x".repeat(100_001))).put(c.url() + "/"
                + id + "/document").then().statusCode(400);

        // The session must be a scheduled joint session of the couple, the co-therapist the other therapist.
        LocalDate day = Slots.day();
        Map<String, Object> individual = new HashMap<>(Bookings.session(c.id(), day + "T09:00", day + "T09:50"));
        individual.put("kind", "INDIVIDUAL");
        individual.put("partnerId", c.kit());
        String single = Bookings.book("therapist1", individual).path("id");
        String joint = Bookings.book("therapist1", Bookings.session(c.id(), day + "T14:00", day + "T15:30"))
                .path("id");
        String t1 = Api.therapistId("admin1", "therapist1");
        String t2 = Api.therapistId("admin1", "therapist2");
        String t9 = Api.therapistId("admin9", "therapist9"); // not one of the couple's therapists
        String schedule = c.url() + "/" + id + "/session";
        as("therapist1").header("If-Match", "\"0\"").body(Map.of("sessionId", single, "coTherapistId", t2))
                .put(schedule).then().statusCode(400).body("violations[0].field", equalTo("sessionId"));
        as("therapist1").header("If-Match", "\"0\"").body(Map.of("sessionId", joint, "coTherapistId", t1))
                .put(schedule).then().statusCode(400).body("violations[0].field", equalTo("coTherapistId"));
        as("therapist1").header("If-Match", "\"0\"").body(Map.of("sessionId", joint, "coTherapistId", t9))
                .put(schedule).then().statusCode(400).body("violations[0].field", equalTo("coTherapistId"));
        // therapist2 is busy with another couple of theirs then.
        String theirs = Api.createCouple("therapist2", unique());
        Bookings.book("therapist2", Bookings.session(theirs, day + "T15:00", day + "T16:00"));
        as("therapist1").header("If-Match", "\"0\"").body(Map.of("sessionId", joint, "coTherapistId", t2))
                .put(schedule).then().statusCode(409).body("type", equalTo("/problems/schedule-conflict"));
        as("therapist1").get(c.url() + "/" + id).then().statusCode(200).body("session", nullValue())
                .body("version", equalTo(0));

        // A couple without recovery roles has nobody to disclose.
        Map<String, Object> body = new HashMap<>(Api.coupleBody(unique()));
        body.put("partners", List.of(Map.of("fullName", "Ana " + unique()), Map.of("fullName", "Bo " + unique())));
        String plain = Api.createCouple("therapist1", body).path("id");
        as("therapist1").body(Map.of()).post("/api/v1/couples/" + plain + "/disclosures").then().statusCode(409)
                .body("type", equalTo("/problems/recovery-roles-missing"));
    }

    @Test
    void disclosuresFollowTheRoleMatrix() {
        Couple c = couple(Api.createCouple("therapist1", Api.coupleBody(unique())));
        String id = as("therapist1").body(Map.of()).post(c.url()).then().statusCode(201).extract().path("id");
        c.asKit().header("If-Match", "\"0\"").body(Map.of("text", "Draft " + unique()))
                .put(MINE + "/" + id + "/document").then().statusCode(200);
        String one = c.url() + "/" + id;

        anonymous().get(c.url()).then().statusCode(401);
        anonymous().get(MINE).then().statusCode(401);
        // An admin sees that it exists and its dates, never the words.
        as("admin1").get(one).then().statusCode(200).body("hasDocument", equalTo(true));
        as("admin1").get(one + "/document").then().statusCode(403);
        as("admin1").get(one + "/questions").then().statusCode(403);
        as("admin1").body(Map.of()).post(c.url()).then().statusCode(403);
        asIntegration().get(c.url()).then().statusCode(403);
        c.asKit().get(one + "/document").then().statusCode(403);
        as("therapist1").get(MINE).then().statusCode(403);
        // Another therapist's couple, another clinic, another couple's partner: not found.
        as("therapist2").get(one).then().statusCode(404);
        as("therapist2").get(one + "/document").then().statusCode(404);
        as("admin9").get(one).then().statusCode(404);
        Couple other = couple(Api.createCouple("therapist1", Api.coupleBody(unique())));
        other.asKit().get(MINE + "/" + id + "/document").then().statusCode(404);
        other.asLee().post(MINE + "/" + id + "/destruction").then().statusCode(404);
        other.asKit().get(MINE).then().statusCode(200).body("$", hasSize(0));
    }
}
