package org.tandem.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.export.ExportWorker;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Partners;
import org.tandem.testsupport.Bookings;
import org.tandem.testsupport.ClinicDays;
import org.tandem.testsupport.CapturedLog;
import org.tandem.testsupport.DatabaseDump;
import org.tandem.testsupport.Slots;
import org.tandem.testsupport.Management;

/**
 * Every write of the OpenAPI document (POST, PUT, PATCH), with and without an Idempotency-Key (and the replay of
 * the keyed one), carries a canary in every text field it has; then a dump of every table must show the canary
 * only in the columns that are the record itself (export output unpacked and included), and the one-time secrets
 * the API showed (webhook signing secrets, calendar feed URLs) nowhere at all. Neither may appear in any log record
 * the app wrote meanwhile, nor the canary in any message the mail server received. A new write operation without
 * a case here fails the test.
 */
@QuarkusTest
class PlaintextCanaryTest {

    /**
     * Where clinical or personal text is the record itself and is stored in the clear today (docs/security.md,
     * "Known gaps"), and where a clinic's own non-clinical text lives (its name, its exercise library, metric names).
     * Everything else (idempotency records, audit events, outbox payloads, deliveries, export files, note tables)
     * must never hold a canary.
     */
    private static final Set<String> THE_RECORD_ITSELF = Set.of(
            "clinic.name",
            "partner.full_name", "partner.preferred_name",
            "therapy_session.location",
            "session_series.location",
            "exercise_version.title", "exercise_version.instructions", "exercise_version.prompts",
            "rating_metric.name", "diagnosis_code.description", "diagnosis_code.source",
            "consent_template.title", "consent_template_version.text");

    /** Public writes with a one-time credential of their own: no caller to keep an Idempotency-Key for. */
    private static final Set<String> NOT_IDEMPOTENT = Set.of("POST /api/v1/partner-activation",
            "POST /api/v1/unsubscribe");

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Inject
    AgroalDataSource db;

    @Inject
    ExportWorker exports;

    @Inject
    org.tandem.crypto.KeyRotation rotation;

    @Inject
    org.tandem.notification.NotificationSender notifications;

    /** One write: who sends what where, with which extra headers. */
    record Call(String user, String method, String path, Map<String, Object> body, Map<String, String> headers) {
        Call(String user, String method, String path, Map<String, Object> body) {
            this(user, method, path, body, Map.of());
        }

        Call ifMatch(String etag) {
            Map<String, String> h = new HashMap<>(headers);
            h.put("If-Match", etag);
            return new Call(user, method, path, body, h);
        }
    }

    private final String run = "canary" + unique();
    private final List<String> secrets = new ArrayList<>();
    private CapturedLog log;

    @BeforeEach
    void captureTheLog() {
        log = CapturedLog.start();
    }

    @AfterEach
    void releaseTheLog() {
        log.close();
    }

    @Test
    void noWriteLeavesAPlaintextCopyOrAOneTimeSecretInAnyTableLogOrMessage() throws Exception {
        Map<String, BiFunction<Fixtures, String, Call>> cases = cases();
        assertEquals(new TreeSet<>(writeOperations()), new TreeSet<>(cases.keySet()),
                "every write operation of the OpenAPI document has a canary case");
        // Outbox payloads and deliveries exist only for subscribed endpoints: subscribe to everything first.
        String endpoint = as("admin1").body(Map.of("url", "http://127.0.0.1:9/all-events", "events",
                List.of("session.scheduled", "session.rescheduled", "session.cancelled", "session.completed",
                        "note.signed", "assignment.completed", "assignment.completion-entered-in-error",
                        "measurement.recorded", "measurement.entered-in-error", "safety.flagged",
                        "diagnosis.recorded", "diagnosis.resolved", "diagnosis.entered-in-error",
                        "consent.signed", "consent.revoked", "safety-plan.revised", "treatment-plan.changed",
                        "treatment-plan.signed", "treatment-plan.agreed")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        try {
            int n = 0;
            for (Map.Entry<String, BiFunction<Fixtures, String, Call>> c : cases.entrySet()) {
                for (boolean keyed : NOT_IDEMPOTENT.contains(c.getKey()) ? List.of(false) : List.of(false, true)) {
                    Call call = c.getValue().apply(new Fixtures(), run + "-" + (n++) + "-text");
                    String key = keyed ? "k-" + unique() : null;
                    Response first = send(call, key, c.getKey());
                    remember(first);
                    if (keyed && call.method().equals("POST")) {
                        Response replay = send(call, key, c.getKey());
                        assertEquals(first.statusCode(), replay.statusCode(), c.getKey() + " replayed");
                        assertEquals("true", replay.header("Idempotent-Replayed"), c.getKey() + " replayed");
                    }
                }
            }
        } finally {
            as("admin1").delete("/api/v1/webhooks/" + endpoint).then().statusCode(200);
        }
        // An export of everything the cases wrote (names, goals, plans...): its stored output is scanned too.
        as("admin1").body(Map.of("kind", "FHIR", "format", "FHIR_NDJSON", "from", TODAY.minusDays(30).toString(),
                "to", TODAY.toString())).post("/api/v1/exports").then().statusCode(202);
        exports.runPending();
        rotation.runPending(Integer.MAX_VALUE); // the re-sealed values are scanned too

        List<String> needles = new ArrayList<>(secrets);
        needles.add(run);
        DatabaseDump.Found found = DatabaseDump.search(db, needles);
        assertTrue(found.tables().containsAll(List.of("idempotency_record", "audit_event", "outbox_event",
                "export_chunk")), "scanned: " + found.tables());
        Set<String> copies = new TreeSet<>(found.of(run));
        copies.removeAll(THE_RECORD_ITSELF);
        assertEquals(Set.of(), copies, "clinical text copied where it does not belong");
        assertTrue(found.of(run).contains("partner.full_name"), "the scan sees the canaries");
        assertTrue(secrets.size() >= 2, "one-time secrets were shown: " + secrets.size());
        for (String secret : secrets) {
            assertEquals(Set.of(), found.of(secret), "a one-time secret is kept in the clear");
        }

        // Nor in the log, nor in a message: everything due is sent, and what the mail server received is read.
        notifications.sendDue(java.time.Instant.now().plus(java.time.Duration.ofDays(2)));
        for (String needle : needles) {
            assertEquals(List.of(), log.containing(needle).stream().limit(3).toList(),
                    "clinical text or a secret in the log");
        }
        assertFalse(log.containing("org.tandem.").isEmpty(), "the app's log was captured: " + log.size());
        List<String> mails = receivedMail();
        assertTrue(mails.size() > 0, "messages were sent");
        // (A message does carry one secret by design: its own one-click unsubscribe link.)
        assertEquals(List.of(), mails.stream().filter(m -> m.contains(run)).toList(), "clinical text in a message");
    }

    /** Every message the mail server received: its headers and every text part, decoded. */
    private static List<String> receivedMail() throws Exception {
        List<String> all = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : org.tandem.testsupport.TandemServices.mail()
                .getReceivedMessages()) {
            StringBuilder text = new StringBuilder();
            java.util.Collections.list(m.getAllHeaderLines()).forEach(h -> text.append(h).append('\n'));
            text.append(m.getSubject()).append('\n');
            appendText(m.getContent(), text);
            all.add(text.toString());
        }
        return all;
    }

    private static void appendText(Object content, StringBuilder text) throws Exception {
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                appendText(parts.getBodyPart(i).getContent(), text);
            }
        } else {
            text.append(content).append('\n');
        }
    }

    private static Response send(Call call, String key, String what) {
        RequestSpecification r;
        if (call.user() == null) {
            r = io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON);
        } else if (call.user().startsWith("partner:")) {
            String[] couplePartner = call.user().split(":");
            r = Partners.as("therapist1", couplePartner[1], couplePartner[2]);
        } else {
            r = as(call.user());
        }
        call.headers().forEach(r::header);
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        if (call.body() != null) {
            r.body(call.body());
        }
        Response response = r.request(call.method(), call.path()).then().extract().response();
        assertTrue(response.statusCode() >= 200 && response.statusCode() < 300,
                what + " answered " + response.statusCode() + ": " + response.asString());
        return response;
    }

    /** Keeps the secrets a response showed once: a webhook's signing secret, a calendar feed URL's token. */
    private void remember(Response response) {
        String body = response.asString();
        if (body == null || !body.startsWith("{")) {
            return;
        }
        JsonPath json = response.jsonPath();
        Object secret = json.get("secret");
        if (secret instanceof String s) {
            secrets.add(s);
        }
        Object code = json.get("activationCode");
        if (code instanceof String c) {
            secrets.add(c);
        }
        Object url = json.get("url");
        if (url instanceof String u && u.contains("/calendar-feeds/")) {
            secrets.add(u.substring(u.lastIndexOf('/') + 1).replace(".ics", ""));
        }
    }

    // ---- the cases: one valid write for each operation, text fields carrying the canary --------------------------

    private Map<String, BiFunction<Fixtures, String, Call>> cases() {
        Map<String, BiFunction<Fixtures, String, Call>> c = new LinkedHashMap<>();
        c.put("PUT /api/v1/clinic", (f, t) -> {
            Response clinic = as("admin1").get("/api/v1/clinic").then().statusCode(200).extract().response();
            return new Call("admin1", "PUT", "/api/v1/clinic", Map.of("name", clinic.path("name"), "timeZone",
                    clinic.path("timeZone"), "lateCancelHours", clinic.path("lateCancelHours")))
                    .ifMatch(clinic.header("ETag"));
        });
        c.put("POST /api/v1/couples", (f, t) -> new Call("therapist1", "POST", "/api/v1/couples", f.coupleBody(t)));
        c.put("PUT /api/v1/couples/{id}", (f, t) -> {
            Response couple = f.couple(t);
            Map<String, Object> body = new HashMap<>(f.coupleBody(t));
            body.remove("primaryTherapistId");
            return new Call("therapist1", "PUT", "/api/v1/couples/" + couple.path("id"), body)
                    .ifMatch(couple.header("ETag"));
        });
        c.put("POST /api/v1/couples/{id}/status", (f, t) -> {
            Response couple = f.couple(t);
            return new Call("therapist1", "POST", "/api/v1/couples/" + couple.path("id") + "/status",
                    Map.of("status", "ACTIVE")).ifMatch(couple.header("ETag"));
        });
        c.put("PUT /api/v1/couples/{id}/therapists", (f, t) -> {
            Response couple = f.couple(t);
            return new Call("admin1", "PUT", "/api/v1/couples/" + couple.path("id") + "/therapists",
                    Map.of("primaryTherapistId", Api.therapistId("admin1", "therapist1"), "coTherapistIds", List.of()))
                    .ifMatch(couple.header("ETag"));
        });
        c.put("POST /api/v1/couples/{coupleId}/assignments", (f, t) -> new Call("therapist1", "POST",
                f.coupleId(t) + "/assignments", f.assignmentBody(t)));
        c.put("POST /api/v1/couples/{coupleId}/assignments/{id}/status", (f, t) -> new Call("therapist1", "POST",
                f.assignment(t) + "/status", Map.of("status", "PAUSED")).ifMatch(f.assignmentEtag));
        c.put("POST /api/v1/couples/{coupleId}/assignments/{id}/completions", (f, t) -> new Call("therapist1", "POST",
                f.assignment(t) + "/completions", f.completionBody(t)));
        c.put("POST /api/v1/couples/{coupleId}/assignments/{id}/completions/{completionId}/entered-in-error",
                (f, t) -> new Call("therapist1", "POST", f.completion(t) + "/entered-in-error", Map.of("reason", t)));
        c.put("POST /api/v1/couples/{coupleId}/boundaries", (f, t) -> new Call("therapist1", "POST",
                f.coupleId(t) + "/boundaries", f.boundaryBody(t)));
        c.put("POST /api/v1/couples/{coupleId}/boundaries/{id}/renegotiate", (f, t) -> {
            Response boundary = f.boundary(t);
            return new Call("therapist1", "POST", f.coupleUrl + "/boundaries/" + boundary.path("id") + "/renegotiate",
                    f.boundaryBody(t)).ifMatch(boundary.header("ETag"));
        });
        c.put("POST /api/v1/couples/{coupleId}/boundaries/{id}/review", (f, t) -> {
            Response boundary = f.boundary(t);
            return new Call("therapist1", "POST", f.coupleUrl + "/boundaries/" + boundary.path("id") + "/review",
                    Map.of("nextReviewOn", TODAY.plusMonths(2).toString())).ifMatch(boundary.header("ETag"));
        });
        c.put("POST /api/v1/couples/{coupleId}/boundaries/{id}/retire", (f, t) -> {
            Response boundary = f.boundary(t);
            return new Call("therapist1", "POST", f.coupleUrl + "/boundaries/" + boundary.path("id") + "/retire",
                    null).ifMatch(boundary.header("ETag"));
        });
        c.put("POST /api/v1/couples/{coupleId}/measurements", (f, t) -> new Call("therapist1", "POST",
                f.coupleId(t) + "/measurements", f.ratingBody(t)));
        c.put("POST /api/v1/couples/{coupleId}/measurements/{id}/entered-in-error", (f, t) -> {
            String id = as("therapist1").body(f.ratingBody(t)).post(f.coupleId(t) + "/measurements").then()
                    .statusCode(201).extract().path("id");
            return new Call("therapist1", "POST", f.coupleUrl + "/measurements/" + id + "/entered-in-error",
                    Map.of("reason", t));
        });
        c.put("POST /api/v1/couples/{coupleId}/questionnaires", (f, t) -> new Call("therapist1", "POST",
                f.coupleId(t) + "/questionnaires", f.phq9Body(t)));
        c.put("POST /api/v1/couples/{coupleId}/questionnaires/{id}/entered-in-error", (f, t) -> {
            String id = as("therapist1").body(f.phq9Body(t)).post(f.coupleId(t) + "/questionnaires").then()
                    .statusCode(201).extract().path("id");
            return new Call("therapist1", "POST", f.coupleUrl + "/questionnaires/" + id + "/entered-in-error",
                    Map.of("reason", t));
        });
        c.put("POST /api/v1/couples/{coupleId}/safety-flags/{id}/acknowledge", (f, t) -> {
            f.coupleId(t);
            Map<String, Object> risky = new HashMap<>(f.phq9Body(t));
            risky.put("answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 2));
            as("therapist1").body(risky).post(f.coupleUrl + "/questionnaires").then().statusCode(201);
            String flag = as("therapist1").get(f.coupleUrl + "/safety-flags").then().statusCode(200).extract()
                    .path("[0].id");
            return new Call("therapist1", "POST", f.coupleUrl + "/safety-flags/" + flag + "/acknowledge", null);
        });
        c.put("POST /api/v1/couples/{coupleId}/partners/{partnerId}/sobriety/resets", (f, t) -> new Call("therapist1",
                "POST", f.sobriety(t) + "/resets", Map.of("date", TODAY.minusDays(3).toString(), "kind", "SLIP",
                        "note", t)));
        c.put("POST /api/v1/couples/{coupleId}/partners/{partnerId}/sobriety/resets/{resetId}/entered-in-error",
                (f, t) -> {
                    String id = as("therapist1").body(Map.of("date", TODAY.minusDays(3).toString(), "kind", "SLIP",
                            "note", t)).post(f.sobriety(t) + "/resets").then().statusCode(201).extract()
                            .path("resets[0].id");
                    return new Call("therapist1", "POST", f.sobrietyUrl + "/resets/" + id + "/entered-in-error",
                            Map.of("reason", t));
                });
        // A partner's own writes, signed in as Kit of a fresh couple; partner accounts and activation.
        c.put("POST /api/v1/couples/{coupleId}/partners/{partnerId}/account", (f, t) -> {
            f.couple(t);
            return new Call("therapist1", "POST", f.coupleUrl + "/partners/" + f.couple.path("partners[1].id")
                    + "/account", Map.of("email", "canary-" + unique() + "@example.invalid"));
        });
        c.put("POST /api/v1/partner-activation", (f, t) -> {
            f.couple(t);
            String code = Partners.invite("therapist1", f.couple.path("id"), f.couple.path("partners[1].id"));
            secrets.add(code);
            return new Call(null, "POST", "/api/v1/partner-activation", Map.of("code", code,
                    "password", Partners.PASSWORD));
        });
        c.put("POST /api/v1/couples/{coupleId}/questionnaire-assignments", (f, t) -> new Call("therapist1", "POST",
                f.coupleId(t) + "/questionnaire-assignments", Map.of("instrument", "csi-16")));
        c.put("POST /api/v1/me/assignments/{id}/completions", (f, t) -> {
            String assignment = f.assignment(t);
            return new Call(f.kit(), "POST", "/api/v1/me/assignments/" + assignment.substring(
                    assignment.lastIndexOf('/') + 1) + "/completions", Map.of("date", TODAY.toString(),
                    "reflection", t, "rating", 3));
        });
        c.put("PUT /api/v1/me/completions/{id}/sharing", (f, t) -> {
            String assignment = f.assignment(t);
            String completion = Partners.as("therapist1", f.couple.path("id"), f.couple.path("partners[0].id"))
                    .body(Map.of("date", TODAY.toString(), "reflection", t))
                    .post("/api/v1/me/assignments/" + assignment.substring(assignment.lastIndexOf('/') + 1)
                            + "/completions").then().statusCode(201).extract().path("id");
            return new Call(f.kit(), "PUT", "/api/v1/me/completions/" + completion + "/sharing",
                    Map.of("shared", true));
        });
        c.put("POST /api/v1/me/calendar-feed", (f, t) -> {
            f.couple(t);
            return new Call(f.kit(), "POST", "/api/v1/me/calendar-feed", null);
        });
        c.put("POST /api/v1/me/ratings", (f, t) -> {
            f.couple(t);
            return new Call(f.kit(), "POST", "/api/v1/me/ratings", Map.of("metric", "trust", "date",
                    TODAY.toString(), "value", 5));
        });
        c.put("PUT /api/v1/me/ratings/{id}/sharing", (f, t) -> {
            f.couple(t);
            String id = Partners.as("therapist1", f.couple.path("id"), f.couple.path("partners[0].id"))
                    .body(Map.of("metric", "trust", "date", TODAY.toString(), "value", 5)).post("/api/v1/me/ratings")
                    .then().statusCode(201).extract().path("id");
            return new Call(f.kit(), "PUT", "/api/v1/me/ratings/" + id + "/sharing", Map.of("shared", true));
        });
        c.put("POST /api/v1/me/questionnaires", (f, t) -> {
            f.couple(t);
            return new Call(f.kit(), "POST", "/api/v1/me/questionnaires", Map.of("instrument", "phq-9",
                    "date", TODAY.toString(), "answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 2)));
        });
        c.put("PUT /api/v1/me/questionnaires/{id}/sharing", (f, t) -> {
            f.couple(t);
            String id = Partners.as("therapist1", f.couple.path("id"), f.couple.path("partners[0].id"))
                    .body(Map.of("instrument", "gad-7", "date", TODAY.toString(), "answers",
                            List.of(1, 1, 1, 1, 1, 1, 1))).post("/api/v1/me/questionnaires").then().statusCode(201)
                    .extract().path("id");
            return new Call(f.kit(), "PUT", "/api/v1/me/questionnaires/" + id + "/sharing", Map.of("shared", true));
        });
        c.put("POST /api/v1/me/boundaries/{id}/agreement", (f, t) -> {
            String boundary = f.boundary(t).path("id");
            return new Call(f.kit(), "POST", "/api/v1/me/boundaries/" + boundary + "/agreement", null);
        });
        c.put("POST /api/v1/couples/{coupleId}/partners/{partnerId}/recovery-stages", (f, t) -> new Call(
                "therapist1", "POST", f.diagnoses(t).replace("/diagnoses", "/recovery-stages"), Map.of("stage",
                        "CRISIS_AND_DECISION", "since", TODAY.minusDays(20).toString())));
        c.put("POST /api/v1/couples/{coupleId}/partners/{partnerId}/diagnoses", (f, t) -> new Call("therapist1",
                "POST", f.diagnoses(t), Map.of("code", "F43.21", "onsetOn", TODAY.minusDays(20).toString())));
        c.put("POST /api/v1/couples/{coupleId}/partners/{partnerId}/diagnoses/{id}/resolve", (f, t) -> {
            Response d = f.diagnosis(t);
            return new Call("therapist1", "POST", f.diagnoses(t) + "/" + d.path("id") + "/resolve",
                    Map.of("resolvedOn", TODAY.toString())).ifMatch(d.header("ETag"));
        });
        c.put("POST /api/v1/couples/{coupleId}/partners/{partnerId}/diagnoses/{id}/entered-in-error", (f, t) -> {
            Response d = f.diagnosis(t);
            return new Call("therapist1", "POST", f.diagnoses(t) + "/" + d.path("id") + "/entered-in-error", null)
                    .ifMatch(d.header("ETag"));
        });
        // The clinic's own code list is its text, not clinical: a fresh code each call.
        c.put("POST /api/v1/diagnosis-codes", (f, t) -> new Call("admin1", "POST", "/api/v1/diagnosis-codes",
                Map.of("code", Fixtures.clinicCode(), "description", t, "source", t)));
        // A clinic's consent forms are its own text; who signed, and a release's party and scope, are sealed.
        c.put("POST /api/v1/consent-templates", (f, t) -> new Call("admin1", "POST", "/api/v1/consent-templates",
                f.consentTemplateBody(t)));
        c.put("PUT /api/v1/consent-templates/{id}", (f, t) -> {
            Response form = f.consentTemplate(t);
            return new Call("admin1", "PUT", "/api/v1/consent-templates/" + form.path("id"), Map.of("title", t,
                    "text", t + " v2", "requiredBeforeFirstSession", false)).ifMatch(form.header("ETag"));
        });
        c.put("POST /api/v1/consent-templates/{id}/retire", (f, t) -> {
            Response form = f.consentTemplate(t);
            return new Call("admin1", "POST", "/api/v1/consent-templates/" + form.path("id") + "/retire", null)
                    .ifMatch(form.header("ETag"));
        });
        c.put("POST /api/v1/me/consents/{templateId}/signatures", (f, t) -> {
            Response form = f.consentTemplate(t);
            f.couple(t);
            return new Call(f.kit(), "POST", "/api/v1/me/consents/" + form.path("id") + "/signatures",
                    f.signatureBody(form, t));
        });
        c.put("POST /api/v1/me/consent-signatures/{id}/revoke", (f, t) -> {
            Response form = f.consentTemplate(t);
            f.couple(t);
            String id = Partners.as("therapist1", f.couple.path("id"), f.partner(0)).body(f.signatureBody(form, t))
                    .post("/api/v1/me/consents/" + form.path("id") + "/signatures").then().statusCode(201).extract()
                    .path("id");
            return new Call(f.kit(), "POST", "/api/v1/me/consent-signatures/" + id + "/revoke", null);
        });
        c.put("POST /api/v1/couples/{coupleId}/partners/{partnerId}/safety-plan", (f, t) -> new Call("therapist1",
                "POST", f.diagnoses(t).replace("/diagnoses", "/safety-plan"),
                org.tandem.safetyplan.SafetyPlanTest.sections(t)));
        c.put("PUT /api/v1/couples/{coupleId}/partners/{partnerId}/safety-plan", (f, t) -> {
            String url = f.diagnoses(t).replace("/diagnoses", "/safety-plan");
            String etag = as("therapist1").body(org.tandem.safetyplan.SafetyPlanTest.sections(t)).post(url).then()
                    .statusCode(201).extract().header("ETag");
            return new Call("therapist1", "PUT", url, org.tandem.safetyplan.SafetyPlanTest.sections(t + "-2"))
                    .ifMatch(etag);
        });
        c.put("POST /api/v1/couples/{coupleId}/safety-flags", (f, t) -> new Call("therapist1", "POST",
                f.coupleId(t) + "/safety-flags", Map.of("partnerId", f.partner(1))));
        c.put("POST /api/v1/couples/{coupleId}/treatment-plan", (f, t) -> new Call("therapist1", "POST",
                f.coupleId(t) + "/treatment-plan", f.planBody(t)));
        c.put("PUT /api/v1/couples/{coupleId}/treatment-plan", (f, t) -> {
            String etag = f.plan(t).header("ETag");
            return new Call("therapist1", "PUT", f.coupleUrl + "/treatment-plan", f.planBody(t + "-2"))
                    .ifMatch(etag);
        });
        c.put("POST /api/v1/couples/{coupleId}/treatment-plan/sign", (f, t) -> {
            String etag = f.plan(t).header("ETag");
            return new Call("therapist1", "POST", f.coupleUrl + "/treatment-plan/sign", null).ifMatch(etag);
        });
        c.put("POST /api/v1/me/treatment-plan/agreement", (f, t) -> {
            String etag = f.plan(t).header("ETag");
            as("therapist1").header("If-Match", etag).post(f.coupleUrl + "/treatment-plan/sign").then()
                    .statusCode(200);
            return new Call(f.kit(), "POST", "/api/v1/me/treatment-plan/agreement", null);
        });
        // The recovery work: a disclosure's document and questions, the letters, a screening.
        c.put("POST /api/v1/couples/{coupleId}/disclosures", (f, t) -> new Call("therapist1", "POST",
                f.coupleId(t) + "/disclosures", Map.of("discoveredOn", TODAY.minusDays(90).toString())));
        c.put("PUT /api/v1/couples/{coupleId}/disclosures/{id}/document", (f, t) -> new Call("therapist1", "PUT",
                f.disclosure(t) + "/document", Map.of("text", "Disclosed " + t)).ifMatch("\"0\""));
        c.put("PUT /api/v1/me/disclosures/{id}/document", (f, t) -> {
            String id = f.disclosureId(t);
            return new Call(f.kit(), "PUT", "/api/v1/me/disclosures/" + id + "/document", Map.of("text",
                    "Drafted " + t)).ifMatch("\"0\"");
        });
        c.put("POST /api/v1/me/disclosures/{id}/questions", (f, t) -> {
            String id = f.disclosureId(t);
            return new Call(f.lee(), "POST", "/api/v1/me/disclosures/" + id + "/questions", Map.of("text",
                    "Asked " + t));
        });
        c.put("PUT /api/v1/couples/{coupleId}/disclosures/{id}/session", (f, t) -> {
            String url = f.disclosure(t);
            java.time.LocalDate day = Slots.anyDay();
            String session = Bookings.book("therapist1", Bookings.session(f.couple(t).path("id"), day + "T10:00",
                    day + "T12:00")).path("id");
            return new Call("therapist1", "PUT", url + "/session", Map.of("sessionId", session, "coTherapistId",
                    Api.therapistId("admin1", "therapist2"))).ifMatch("\"0\"");
        });
        c.put("POST /api/v1/couples/{coupleId}/disclosures/{id}/completion", (f, t) -> new Call("therapist1",
                "POST", f.writtenDisclosure(t) + "/completion", Map.of()));
        c.put("POST /api/v1/couples/{coupleId}/disclosures/{id}/destruction", (f, t) -> new Call("therapist1",
                "POST", f.disclosedDisclosure(t) + "/destruction", Map.of("partnerAgreedInSession", true)));
        c.put("POST /api/v1/me/disclosures/{id}/destruction", (f, t) -> {
            String url = f.disclosedDisclosure(t);
            return new Call(f.lee(), "POST", "/api/v1/me/disclosures/" + url.substring(url.lastIndexOf('/') + 1)
                    + "/destruction", null);
        });
        c.put("POST /api/v1/me/letters", (f, t) -> {
            f.couple(t);
            return new Call(f.lee(), "POST", "/api/v1/me/letters", Map.of("kind", "IMPACT", "text", "Impact " + t));
        });
        c.put("PUT /api/v1/me/letters/{id}", (f, t) -> {
            String id = f.letter(t);
            return new Call(f.kit(), "PUT", "/api/v1/me/letters/" + id, Map.of("text", "Restitution again " + t))
                    .ifMatch("\"0\"");
        });
        c.put("POST /api/v1/me/letters/{id}/sharing", (f, t) -> {
            String id = f.letter(t);
            return new Call(f.kit(), "POST", "/api/v1/me/letters/" + id + "/sharing", null);
        });
        c.put("POST /api/v1/couples/{coupleId}/letters/{id}/reading", (f, t) -> new Call("therapist1", "POST",
                f.coupleId(t) + "/letters/" + f.letter(t) + "/reading", Map.of("readOn", TODAY.toString())));
        c.put("POST /api/v1/couples/{coupleId}/polygraphs", (f, t) -> new Call("therapist1", "POST",
                f.coupleId(t) + "/polygraphs", Map.of("kind", "MAINTENANCE", "examinedOn", TODAY.toString(),
                        "examiner", "R. Examiner", "questions", List.of(Map.of("text", "Asked " + t, "outcome",
                                "PASS"), Map.of("text", "Also " + t, "outcome", "NO_OPINION")))));
        c.put("POST /api/v1/couples/{coupleId}/polygraphs/{id}/entered-in-error", (f, t) -> {
            String exam = as("therapist1").body(Map.of("kind", "MAINTENANCE", "examinedOn", TODAY.toString(),
                    "examiner", "R. Examiner", "questions", List.of(Map.of("text", "Asked", "outcome", "PASS"))))
                    .post(f.coupleId(t) + "/polygraphs").then().statusCode(201).extract().path("id");
            return new Call("therapist1", "POST", f.coupleId(t) + "/polygraphs/" + exam + "/entered-in-error",
                    Map.of("reason", "Wrong day " + t));
        });
        c.put("PUT /api/v1/couples/{coupleId}/polygraph-schedule", (f, t) -> new Call("therapist1", "PUT",
                f.coupleId(t) + "/polygraph-schedule", Map.of("everyMonths", 6)).ifMatch("\"0\""));
        c.put("POST /api/v1/couples/{coupleId}/boundaries/{boundaryId}/breaks", (f, t) -> {
            Response boundary = f.boundary(t);
            return new Call("therapist1", "POST", f.coupleUrl + "/boundaries/" + boundary.path("id") + "/breaks",
                    Map.of("partnerId", f.partner(0), "occurredOn", TODAY.toString()));
        });
        c.put("POST /api/v1/couples/{coupleId}/partners/{partnerId}/ipv-screenings", (f, t) -> new Call(
                "therapist1", "POST", f.coupleId(t) + "/partners/" + f.partner(1) + "/ipv-screenings",
                Map.of("method", "WAST", "result", "CONCERN")));
        c.put("POST /api/v1/couples/{coupleId}/ipv-screenings/{id}/clearance", (f, t) -> {
            String id = as("therapist1").body(Map.of("method", "HITS", "result", "CONCERN"))
                    .post(f.coupleId(t) + "/partners/" + f.partner(0) + "/ipv-screenings").then().statusCode(201)
                    .extract().path("id");
            return new Call("therapist1", "POST", f.coupleUrl + "/ipv-screenings/" + id + "/clearance", Map.of())
                    .ifMatch("\"0\"");
        });
        c.put("PUT /api/v1/me/check-ins/{day}", (f, t) -> {
            f.couple(t);
            return new Call(f.kit(), "PUT", "/api/v1/me/check-ins/" + TODAY, Map.of("feelings", "feel " + t,
                    "affirmation", "affirm " + t, "needs", "need " + t, "ownership", "own " + t, "sobriety",
                    "sober " + t, "shared", true)).ifMatch("\"0\"");
        });
        c.put("PUT /api/v1/me/notification-preferences", (f, t) -> {
            f.couple(t);
            return new Call(f.kit(), "PUT", "/api/v1/me/notification-preferences", Map.of("email", true,
                    "reminders", false, "sms", true, "quietHours", Map.of("from", "22:00", "until", "07:00")))
                    .ifMatch("\"0\"");
        });
        // A message's one-click link: its token is shown once, in the mail, and must be kept nowhere.
        c.put("POST /api/v1/unsubscribe", (f, t) -> {
            String address = "canary-" + unique() + "@example.invalid";
            Map<String, Object> body = Map.of("partners", List.of(Map.of("fullName", "Kit " + t, "email", address,
                    "recoveryRole", "IN_RECOVERY"), Map.of("fullName", "Lee " + t)), "careStartedOn", "2026-02-01");
            String coupleId = as("therapist1").body(body).post("/api/v1/couples").then().statusCode(201).extract()
                    .path("id");
            LocalDate day = Slots.anyDay();
            Bookings.book("therapist1", Bookings.session(coupleId, day + "T16:00", day + "T16:50"));
            notifications.sendDue(java.time.Instant.now());
            String token = java.util.Arrays.stream(org.tandem.testsupport.TandemServices.mail().getReceivedMessages())
                    .filter(m -> {
                        try {
                            return m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString().equals(address);
                        } catch (jakarta.mail.MessagingException e) {
                            throw new IllegalStateException(e);
                        }
                    }).map(m -> {
                        try {
                            String h = m.getHeader("List-Unsubscribe")[0];
                            return h.substring(h.indexOf("token=") + "token=".length(), h.length() - 1);
                        } catch (jakarta.mail.MessagingException e) {
                            throw new IllegalStateException(e);
                        }
                    }).findFirst().orElseThrow();
            secrets.add(token);
            return new Call(null, "POST", "/api/v1/unsubscribe?token=" + token, null);
        });
        c.put("POST /api/v1/exercises", (f, t) -> new Call("admin1", "POST", "/api/v1/exercises", f.exerciseBody(t)));
        c.put("PUT /api/v1/exercises/{id}", (f, t) -> {
            Response created = as("admin1").body(f.exerciseBody(t)).post("/api/v1/exercises").then().statusCode(201)
                    .extract().response();
            return new Call("admin1", "PUT", "/api/v1/exercises/" + created.path("id"), f.exerciseBody(t))
                    .ifMatch(created.header("ETag"));
        });
        c.put("POST /api/v1/exercises/{id}/archive", (f, t) -> {
            Response created = as("admin1").body(f.exerciseBody(t)).post("/api/v1/exercises").then().statusCode(201)
                    .extract().response();
            return new Call("admin1", "POST", "/api/v1/exercises/" + created.path("id") + "/archive", null)
                    .ifMatch(created.header("ETag"));
        });
        c.put("POST /api/v1/metrics", (f, t) -> new Call("admin1", "POST", "/api/v1/metrics", Map.of("key",
                "m" + unique(), "name", t, "min", 0, "max", 10, "direction", "HIGHER_IS_BETTER")));
        c.put("POST /api/v1/exports", (f, t) -> new Call("admin1", "POST", "/api/v1/exports", Map.of("kind",
                "OBSERVATIONS", "format", "CSV", "from", TODAY.minusDays(30).toString(), "to", TODAY.toString())));
        c.put("POST /api/v1/exports/{id}/cancel", (f, t) -> {
            String id = as("admin1").body(Map.of("kind", "AUDIT_LOG", "format", "NDJSON", "from",
                    TODAY.minusDays(1).toString(), "to", TODAY.toString())).post("/api/v1/exports").then()
                    .statusCode(202).extract().path("id");
            return new Call("admin1", "POST", "/api/v1/exports/" + id + "/cancel", null);
        });
        c.put("POST /api/v1/sessions", (f, t) -> new Call("therapist1", "POST", "/api/v1/sessions",
                f.sessionBody(t)));
        c.put("POST /api/v1/sessions/{id}/cancel", (f, t) -> {
            Response s = f.session(t);
            return new Call("therapist1", "POST", "/api/v1/sessions/" + s.path("id") + "/cancel",
                    Map.of("cancelledBy", "CLIENT", "reason", t)).ifMatch(s.header("ETag"));
        });
        c.put("POST /api/v1/sessions/{id}/reschedule", (f, t) -> {
            Response s = f.session(t);
            LocalDate day = Slots.anyDay();
            return new Call("therapist1", "POST", "/api/v1/sessions/" + s.path("id") + "/reschedule",
                    Map.of("start", day + "T11:00", "end", day + "T11:50")).ifMatch(s.header("ETag"));
        });
        c.put("POST /api/v1/sessions/{id}/complete", (f, t) -> {
            Response s = f.pastSession(t);
            return new Call("therapist1", "POST", "/api/v1/sessions/" + s.path("id") + "/complete", null)
                    .ifMatch(s.header("ETag"));
        });
        c.put("POST /api/v1/sessions/{id}/no-show", (f, t) -> {
            Response s = f.pastSession(t);
            return new Call("therapist1", "POST", "/api/v1/sessions/" + s.path("id") + "/no-show", null)
                    .ifMatch(s.header("ETag"));
        });
        c.put("POST /api/v1/sessions/{sessionId}/note", (f, t) -> new Call("therapist1", "POST",
                "/api/v1/sessions/" + f.session(t).path("id") + "/note", f.noteBody(t, false)));
        c.put("PUT /api/v1/sessions/{sessionId}/note", (f, t) -> {
            Response note = f.note(t);
            return new Call("therapist1", "PUT", f.noteUrl, f.noteBody(t + "-edited", false))
                    .ifMatch(note.header("ETag"));
        });
        c.put("POST /api/v1/sessions/{sessionId}/note/sign", (f, t) -> {
            Response note = f.note(t);
            return new Call("therapist1", "POST", f.noteUrl + "/sign", null).ifMatch(note.header("ETag"));
        });
        c.put("POST /api/v1/sessions/{sessionId}/note/cosign", (f, t) -> {
            Response note = f.signedNoteOfSharedCouple(t);
            return new Call("therapist2", "POST", f.noteUrl + "/cosign", null).ifMatch(note.header("ETag"));
        });
        c.put("POST /api/v1/sessions/{sessionId}/note/addenda", (f, t) -> {
            f.signedNoteOfSharedCouple(t);
            return new Call("therapist1", "POST", f.noteUrl + "/addenda", Map.of("text", t));
        });
        c.put("POST /api/v1/session-series", (f, t) -> new Call("therapist1", "POST", "/api/v1/session-series",
                f.seriesBody(t)));
        c.put("POST /api/v1/session-series/{id}/cancel-following", (f, t) -> {
            Response series = f.series(t);
            return new Call("therapist1", "POST", "/api/v1/session-series/" + series.path("id") + "/cancel-following",
                    Map.of("fromSessionId", series.path("occurrences[1].id"), "cancelledBy", "CLIENT", "reason", t))
                    .ifMatch(series.header("ETag"));
        });
        c.put("POST /api/v1/session-series/{id}/change-following", (f, t) -> {
            Response series = f.series(t);
            return new Call("therapist1", "POST", "/api/v1/session-series/" + series.path("id") + "/change-following",
                    Map.of("fromSessionId", series.path("occurrences[1].id"), "durationMinutes", 45))
                    .ifMatch(series.header("ETag"));
        });
        c.put("POST /api/v1/calendar-feed", (f, t) -> new Call("therapist2", "POST", "/api/v1/calendar-feed", null));
        // In the other clinic, whose data is not tampered with by other tests: a rotation finishes there. The one
        // before is finished first, and the clinic gets a sealed note of its own (the canary) to move.
        c.put("POST /api/v1/clinic/key-rotation", (f, t) -> {
            rotation.runPending(Integer.MAX_VALUE);
            Response couple = Api.createCouple("therapist9", Api.coupleBody(t));
            as("therapist9").body(Map.of("date", ClinicDays.otherToday().toString(), "kind", "SLIP", "note", t))
                    .post("/api/v1/couples/" + couple.path("id") + "/partners/" + couple.path("partners[0].id")
                            + "/sobriety/resets").then().statusCode(201);
            return new Call("admin9", "POST", "/api/v1/clinic/key-rotation", null);
        });
        // Staff names and addresses are not clinical text; the invited person is made fresh for each call.
        c.put("POST /api/v1/staff", (f, t) -> new Call("admin1", "POST", "/api/v1/staff", Fixtures.invite()));
        c.put("POST /api/v1/staff/{id}/resend-invitation", (f, t) -> new Call("admin1", "POST",
                "/api/v1/staff/" + f.invited() + "/resend-invitation", null));
        c.put("POST /api/v1/staff/{id}/deactivate", (f, t) -> new Call("admin1", "POST",
                "/api/v1/staff/" + f.invited() + "/deactivate", null));
        c.put("POST /api/v1/staff/{id}/reactivate", (f, t) -> {
            String id = f.invited();
            as("admin1").post("/api/v1/staff/" + id + "/deactivate").then().statusCode(200);
            return new Call("admin1", "POST", "/api/v1/staff/" + id + "/reactivate", null);
        });
        c.put("PUT /api/v1/therapists/{therapistId}/working-hours", (f, t) -> new Call("admin1", "PUT",
                "/api/v1/therapists/" + Api.therapistId("admin1", "therapist2") + "/working-hours",
                Map.of("blocks", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "12:00"),
                        Map.of("day", "MONDAY", "start", "13:00", "end", "17:00"),
                        Map.of("day", "TUESDAY", "start", "09:00", "end", "17:00"),
                        Map.of("day", "WEDNESDAY", "start", "09:00", "end", "17:00"),
                        Map.of("day", "THURSDAY", "start", "09:00", "end", "17:00"),
                        Map.of("day", "FRIDAY", "start", "09:00", "end", "13:00")))));
        c.put("POST /api/v1/webhooks", (f, t) -> new Call("admin1", "POST", "/api/v1/webhooks",
                Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("session.completed"))));
        c.put("POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", (f, t) -> {
            String id = as("admin1").body(Map.of("url", "http://127.0.0.1:9/hook", "events",
                    List.of("measurement.recorded"))).post("/api/v1/webhooks").then().statusCode(201).extract()
                    .path("id");
            as("therapist1").body(f.ratingBody(t)).post(f.coupleId(t) + "/measurements").then().statusCode(201);
            String delivery = as("admin1").get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .extract().path("[0].id");
            return new Call("admin1", "POST", "/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver",
                    null);
        });
        return c;
    }

    /** Fresh records for one case, made through the API with the canary in their text. */
    static final class Fixtures {
        /** Past days no other test books: completing or marking a no-show needs a session that is over. */
        private static final java.util.concurrent.atomic.AtomicInteger PAST_DAYS = new java.util.concurrent.atomic.AtomicInteger();

        String coupleUrl;
        Response couple;
        String disclosureUrl;
        String sobrietyUrl;
        String noteUrl;

        static Map<String, Object> invite() {
            return Map.of("email", "canary-staff-" + unique() + "@demo.tandem.invalid", "firstName", "Kim",
                    "lastName", "Newcomer", "roles", List.of("therapist"));
        }

        /** A person admin1 just invited: their staff id. */
        String invited() {
            return as("admin1").body(invite()).post("/api/v1/staff").then().statusCode(201).extract()
                    .path("member.id");
        }

        Map<String, Object> coupleBody(String t) {
            return Map.of("partners", List.of(
                    Map.of("fullName", "Kit " + t, "preferredName", t, "pronouns", "he/him", "recoveryRole",
                            "IN_RECOVERY", "sobrietyDate", "2026-01-15"),
                    Map.of("fullName", "Lee " + t, "pronouns", "she/her", "recoveryRole", "PARTNER")),
                    "careStartedOn", "2026-02-01", "treatmentGoals", t);
        }

        /** The caller of a partner's own write: Kit, the first partner of this case's couple. */
        String kit() {
            return "partner:" + couple.path("id") + ":" + couple.path("partners[0].id");
        }

        /** The caller of the betrayed partner's own write: Lee, the second partner. */
        String lee() {
            return "partner:" + couple.path("id") + ":" + couple.path("partners[1].id");
        }

        /** A disclosure planned for this case's couple (therapist1 and therapist2 treat it): its URL. */
        String disclosure(String t) {
            if (disclosureUrl == null) {
                if (couple == null) {
                    couple = Bookings.coupleWithBothTherapists(coupleBody(t));
                    coupleUrl = "/api/v1/couples/" + couple.path("id");
                }
                disclosureUrl = coupleUrl + "/disclosures/" + as("therapist1").body(Map.of()).post(coupleUrl
                        + "/disclosures").then().statusCode(201).extract().path("id");
            }
            return disclosureUrl;
        }

        String disclosureId(String t) {
            String url = disclosure(t);
            return url.substring(url.lastIndexOf('/') + 1);
        }

        /** The disclosure with Kit's draft in it. */
        String writtenDisclosure(String t) {
            String url = disclosure(t);
            Partners.as("therapist1", couple.path("id"), partner(0)).header("If-Match", "\"0\"")
                    .body(Map.of("text", "Draft " + t)).put("/api/v1/me/disclosures/" + disclosureId(t) + "/document")
                    .then().statusCode(200);
            Partners.as("therapist1", couple.path("id"), partner(1)).body(Map.of("text", "Question " + t))
                    .post("/api/v1/me/disclosures/" + disclosureId(t) + "/questions").then().statusCode(201);
            return url;
        }

        /** The disclosure, written and disclosed. */
        String disclosedDisclosure(String t) {
            String url = writtenDisclosure(t);
            as("therapist1").body(Map.of()).post(url + "/completion").then().statusCode(200);
            return url;
        }

        /** Kit's restitution letter: its id. */
        String letter(String t) {
            couple(t);
            return Partners.as("therapist1", couple.path("id"), partner(0)).body(Map.of("kind", "RESTITUTION",
                    "text", "Restitution " + t)).post("/api/v1/me/letters").then().statusCode(201).extract()
                    .path("id");
        }

        Response couple(String t) {
            if (couple == null) {
                couple = Api.createCouple("therapist1", coupleBody(t));
                coupleUrl = "/api/v1/couples/" + couple.path("id");
            }
            return couple;
        }

        String coupleId(String t) {
            couple(t);
            return coupleUrl;
        }

        String partner(int i) {
            return couple.path("partners[" + i + "].id");
        }

        /** A release of information, whose signature carries the most text: a name, a party and a scope. */
        Map<String, Object> consentTemplateBody(String t) {
            return Map.of("kind", "RELEASE_OF_INFORMATION", "title", t, "text", t, "requiredBeforeFirstSession",
                    false);
        }

        Response consentTemplate(String t) {
            String id = as("admin1").body(consentTemplateBody(t)).post("/api/v1/consent-templates").then()
                    .statusCode(201).extract().path("id");
            return as("admin1").get("/api/v1/consent-templates/" + id).then().statusCode(200).extract().response();
        }

        Map<String, Object> signatureBody(Response form, String t) {
            return Map.of("version", form.path("current.number"), "textSha256", form.path("current.textSha256"),
                    "typedName", t, "releaseTo", Map.of("party", t, "scope", t, "expiresOn",
                            TODAY.plusMonths(3).toString()));
        }

        Map<String, Object> planBody(String t) {
            couple(t);
            return org.tandem.treatmentplan.TreatmentPlanTest.plan(t, partner(0), null, TODAY.plusMonths(2));
        }

        Response plan(String t) {
            return as("therapist1").body(planBody(t)).post(coupleId(t) + "/treatment-plan").then().statusCode(201)
                    .extract().response();
        }

        String diagnoses(String t) {
            couple(t);
            return coupleUrl + "/partners/" + partner(0) + "/diagnoses";
        }

        Response diagnosis(String t) {
            return as("therapist1").body(Map.of("code", "Z63.0")).post(diagnoses(t)).then().statusCode(201)
                    .extract().response();
        }

        /** An ICD-10-CM-shaped code no clinic has yet. */
        static String clinicCode() {
            return "Q9Z." + unique().substring(0, 4).toUpperCase(java.util.Locale.ROOT);
        }

        Map<String, Object> assignmentBody(String t) {
            String exercise = as("therapist1").get("/api/v1/exercises").then().statusCode(200).extract()
                    .path("items[0].id");
            return Map.of("exerciseId", exercise, "startsOn", TODAY.minusDays(7).toString(), "note", t);
        }

        String assignmentEtag;

        String assignment(String t) {
            Response created = as("therapist1").body(assignmentBody(t)).post(coupleId(t) + "/assignments").then()
                    .statusCode(201).extract().response();
            assignmentEtag = created.header("ETag");
            return coupleUrl + "/assignments/" + created.path("id");
        }

        Map<String, Object> completionBody(String t) {
            couple(t);
            return Map.of("date", TODAY.minusDays(1).toString(), "partnerId", partner(0), "rating", 4, "reflection", t);
        }

        String completion(String t) {
            String assignment = assignment(t);
            String id = as("therapist1").body(completionBody(t)).post(assignment + "/completions").then()
                    .statusCode(201).extract().path("id");
            return assignment + "/completions/" + id;
        }

        Map<String, Object> boundaryBody(String t) {
            couple(t);
            return Map.of("text", t, "protects", partner(0), "requestedBy", partner(1), "agreedOn", TODAY.toString(),
                    "nextReviewOn", TODAY.plusMonths(1).toString());
        }

        Response boundary(String t) {
            couple(t);
            return as("therapist1").body(boundaryBody(t)).post(coupleUrl + "/boundaries").then().statusCode(201)
                    .extract().response();
        }

        Map<String, Object> ratingBody(String t) {
            couple(t);
            return Map.of("metric", "trust", "partnerId", partner(0), "date", TODAY.toString(), "value", 6,
                    "source", "THERAPIST");
        }

        Map<String, Object> phq9Body(String t) {
            couple(t);
            return Map.of("instrument", "phq-9", "partnerId", partner(0), "date", TODAY.toString(), "answers",
                    List.of(1, 1, 1, 1, 1, 1, 1, 1, 0), "source", "THERAPIST");
        }

        String sobriety(String t) {
            couple(t);
            sobrietyUrl = coupleUrl + "/partners/" + partner(0) + "/sobriety";
            return sobrietyUrl;
        }

        Map<String, Object> exerciseBody(String t) {
            return Map.of("title", t, "category", "COPING", "instructions", t, "performer", "BOTH", "cadence",
                    "WEEKLY", "estimatedMinutes", 20, "prompts", List.of(t));
        }

        Map<String, Object> sessionBody(String t) {
            LocalDate day = Slots.anyDay();
            Map<String, Object> body = Bookings.session(coupleId(t).substring("/api/v1/couples/".length()),
                    day + "T09:00", day + "T09:50");
            body.put("location", t);
            return body;
        }

        Response session(String t) {
            return Bookings.book("therapist1", sessionBody(t));
        }

        /** A session already over, as completing or marking a no-show needs. */
        Response pastSession(String t) {
            LocalDate day = LocalDate.of(2023, 1, 2).plusDays(PAST_DAYS.getAndIncrement());
            Map<String, Object> body = Bookings.session(coupleId(t).substring("/api/v1/couples/".length()),
                    day + "T06:00", day + "T06:30");
            body.put("location", t);
            return Bookings.book("therapist1", body);
        }

        Map<String, Object> noteBody(String t, boolean psychotherapy) {
            return Map.of("template", "SOAP", "psychotherapy", psychotherapy, "content", Map.of(
                    "sections", Map.of("subjective", t, "objective", t, "assessment", t, "plan", t),
                    "interventions", List.of(t), "exercises", List.of(t), "nextSteps", t));
        }

        Response note(String t) {
            String session = session(t).path("id");
            noteUrl = "/api/v1/sessions/" + session + "/note";
            return as("therapist1").body(noteBody(t, false)).post(noteUrl).then().statusCode(201).extract().response();
        }

        /** A signed note of a couple therapist2 co-treats, so a second therapist can co-sign it. */
        Response signedNoteOfSharedCouple(String t) {
            String coupleId = Bookings.coupleWithBothTherapists().path("id");
            LocalDate day = Slots.anyDay();
            String session = Bookings.book("therapist1", Bookings.session(coupleId, day + "T15:00", day + "T15:50"))
                    .path("id");
            noteUrl = "/api/v1/sessions/" + session + "/note";
            Response draft = as("therapist1").body(noteBody(t, false)).post(noteUrl).then().statusCode(201).extract()
                    .response();
            return as("therapist1").header("If-Match", draft.header("ETag")).post(noteUrl + "/sign").then()
                    .statusCode(200).extract().response();
        }

        Map<String, Object> seriesBody(String t) {
            Map<String, Object> body = new HashMap<>();
            body.put("coupleId", coupleId(t).substring("/api/v1/couples/".length()));
            body.put("kind", "JOINT");
            body.put("modality", "IN_PERSON");
            body.put("location", t);
            body.put("firstStart", Slots.window() + "T07:00");
            body.put("durationMinutes", 50);
            body.put("count", 3);
            return body;
        }

        Response series(String t) {
            return as("therapist1").body(seriesBody(t)).post("/api/v1/session-series").then().statusCode(201)
                    .extract().response();
        }
    }

    // ---- the OpenAPI document and the dump ------------------------------------------------------------------------

    private static List<String> writeOperations() {
        JsonPath openapi = Management.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        List<String> ops = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("post", "put", "patch").contains(m))
                .forEach(m -> ops.add(m.toUpperCase() + " " + path)));
        return ops;
    }
}
