package org.tandem.export;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.testsupport.Api.anonymous;
import static org.tandem.testsupport.Api.as;
import static org.tandem.testsupport.Api.asIntegration;
import static org.tandem.testsupport.Api.unique;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.tandem.measurement.MeasurementResourceTest;
import org.tandem.questionnaire.QuestionnaireResourceTest;
import org.tandem.testsupport.Api;
import org.tandem.testsupport.Bookings;

@QuarkusTest
public class ExportResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    public static final String SECRET = "psychotherapy-marker-" + unique();
    private static final java.util.concurrent.atomic.AtomicInteger HOURS = new java.util.concurrent.atomic.AtomicInteger();

    @Inject
    ExportWorker worker;

    @Inject
    ExportStore store;

    @Inject
    AgroalDataSource db;

    /** A couple of therapist1 with a rating, a PHQ-9, a held session and a psychotherapy note. */
    public record Fixture(String coupleId, String code, String p1, String sessionId) {
    }

    public static Fixture fixture(String therapist) {
        Response couple = Api.createCouple(therapist, Api.coupleBody(unique()));
        String coupleId = couple.path("id");
        String p1 = couple.path("partners[0].id");
        as(therapist).body(MeasurementResourceTest.rating("trust", p1, TODAY.minusDays(2), 6, "THERAPIST"))
                .post(MeasurementResourceTest.path(coupleId)).then().statusCode(201);
        Map<String, Object> phq = QuestionnaireResourceTest.answers("phq-9", p1,
                List.of(2, 2, 2, 2, 2, 0, 0, 0, 0), "SELF_REPORT");
        as(therapist).body(phq).post(QuestionnaireResourceTest.path(coupleId)).then().statusCode(201);
        // Six days ago, an hour of its own: inside every export period below, and away from the sessions other tests
        // book relative to now (SessionResourceTest: 3 and 4 days ago; ProgressResourceTest: 20 days ago).
        String start = TODAY.minusDays(6) + "T" + String.format("%02d", HOURS.getAndIncrement() % 24) + ":10";
        String sessionId = Bookings.book(therapist, Bookings.session(coupleId, start, start.replace(":10", ":40")))
                .path("id");
        Map<String, Object> note = new HashMap<>();
        note.put("template", "SOAP");
        note.put("psychotherapy", true);
        note.put("content", Map.of("sections", Map.of("subjective", SECRET, "objective", SECRET,
                "assessment", SECRET, "plan", SECRET), "nextSteps", SECRET));
        as(therapist).body(note).post("/api/v1/sessions/" + sessionId + "/note").then().statusCode(201);
        return new Fixture(coupleId, couple.path("code"), p1, sessionId);
    }

    @Test
    void observationsExportAsCsvThatParsesBack() throws Exception {
        Fixture f = fixture("therapist1");
        String id = start("admin1", "OBSERVATIONS", "CSV", TODAY.minusDays(30), TODAY);
        as("admin1").get("/api/v1/exports/" + id).then().statusCode(200).body("status", equalTo("QUEUED"))
                .body("percent", equalTo(0)).body("contentUrl", equalTo(null));
        as("admin1").get("/api/v1/exports/" + id + "/content").then().statusCode(409)
                .body("type", equalTo("/problems/export-not-ready"));
        worker.runPending();
        as("admin1").get("/api/v1/exports/" + id).then().statusCode(200).body("status", equalTo("SUCCEEDED"))
                .body("percent", equalTo(100)).body("attempts", equalTo(1))
                .body("contentUrl", equalTo("/api/v1/exports/" + id + "/content"));

        Response download = as("admin1").accept("text/csv").get("/api/v1/exports/" + id + "/content");
        download.then().statusCode(200).header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("export-" + id + ".csv"));
        String csv = download.asString();
        assertFalse(csv.contains(SECRET), "no note text in an export");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertEquals(ObservationExport.COLUMNS, parser.getHeaderNames());
            rows = parser.getRecords();
        }
        List<CSVRecord> mine = rows.stream().filter(r -> r.get("couple_id").equals(f.coupleId())).toList();
        CSVRecord rating = mine.stream().filter(r -> r.get("observation_type").equals("RATING")).findFirst().orElseThrow();
        assertEquals("trust", rating.get("key"));
        assertEquals("6.00", rating.get("value"));
        assertEquals(f.code(), rating.get("couple_code"));
        assertEquals("1", rating.get("partner_seat"));
        assertEquals("THERAPIST", rating.get("source"));
        CSVRecord phq = mine.stream().filter(r -> r.get("observation_type").equals("QUESTIONNAIRE")).findFirst()
                .orElseThrow();
        assertEquals("phq-9", phq.get("key"));
        assertEquals("10.0", phq.get("value"));
        assertEquals("moderate", phq.get("band"));
        assertEquals("true", phq.get("clinical"));
        CSVRecord session = mine.stream().filter(r -> r.get("observation_type").equals("SESSION")).findFirst()
                .orElseThrow();
        assertEquals(f.sessionId(), session.get("observation_id"));
        assertEquals("SCHEDULED", session.get("value"));
        // The progress estimate counts the ratings, questionnaires and sessions; adherence rows come on top.
        assertEquals(rows.stream().filter(r -> !r.get("observation_type").equals("ADHERENCE")).count(),
                as("admin1").get("/api/v1/exports/" + id).then().extract().jsonPath().getLong("rowsExpected"));
        as("admin1").queryParam("recordType", "export").queryParam("recordId", id).get("/api/v1/audit-events")
                .then().body("items.action", hasItem("export.create")).body("items.action", hasItem("export.completed"))
                .body("items.action", hasItem("export.download"))
                .body("items.find { it.action == 'export.completed' }.detail",
                        equalTo("kind=OBSERVATIONS format=CSV rows=" + rows.size()));
    }

    @Test
    void ndjsonHasOneObjectPerLine() throws Exception {
        Fixture f = fixture("therapist1");
        String id = start("admin1", "OBSERVATIONS", "NDJSON", TODAY.minusDays(30), TODAY);
        worker.runPending();
        String body = as("admin1").get("/api/v1/exports/" + id + "/content").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("application/x-ndjson")).extract().asString();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(json.readTree(line));
        }
        JsonNode rating = lines.stream().filter(n -> n.get("couple_id").asText().equals(f.coupleId())
                && n.get("observation_type").asText().equals("RATING")).findFirst().orElseThrow();
        assertEquals(6.0, rating.get("value").asDouble());
        assertTrue(rating.get("band").isNull());
        assertEquals(Set.copyOf(ObservationExport.COLUMNS), fieldNames(rating));
        assertFalse(body.contains(SECRET));
    }

    @Test
    void entriesEnteredInErrorAreInNoExport() {
        Fixture f = fixture("therapist1");
        String typo = as("therapist1").body(MeasurementResourceTest.rating("trust", f.p1(), TODAY.minusDays(1), 1,
                "THERAPIST")).post(MeasurementResourceTest.path(f.coupleId())).then().statusCode(201).extract()
                .path("id");
        as("therapist1").body(Map.of("reason", "Typed 1 for 7")).post(MeasurementResourceTest.path(f.coupleId())
                + "/" + typo + "/entered-in-error").then().statusCode(200);
        String wrongSheet = as("therapist1").body(QuestionnaireResourceTest.answers("gad-7", f.p1(),
                List.of(1, 1, 1, 1, 1, 1, 1), "THERAPIST")).post(QuestionnaireResourceTest.path(f.coupleId())).then()
                .statusCode(201).extract().path("id");
        as("therapist1").body(Map.of("reason", "Another client's sheet")).post(QuestionnaireResourceTest.path(
                f.coupleId()) + "/" + wrongSheet + "/entered-in-error").then().statusCode(200);

        String csvJob = start("therapist1", "OBSERVATIONS", "CSV", TODAY.minusDays(30), TODAY);
        String fhirJob = start("admin1", "FHIR", "FHIR_NDJSON", TODAY.minusDays(30), TODAY);
        worker.runPending();
        String csv = as("therapist1").get("/api/v1/exports/" + csvJob + "/content").then().statusCode(200).extract()
                .asString();
        assertTrue(csv.lines().anyMatch(line -> line.startsWith("RATING,") && line.contains(f.coupleId())),
                "the couple's other rating is exported");
        assertFalse(csv.contains(typo), "the marked rating is not exported");
        assertFalse(csv.contains(wrongSheet), "the marked questionnaire response is not exported");
        // The estimate behind percent leaves it out too.
        assertEquals(csv.lines().skip(1).filter(line -> !line.startsWith("ADHERENCE,")).count(),
                as("therapist1").get("/api/v1/exports/" + csvJob).then().extract().jsonPath().getLong("rowsExpected"));
        String fhir = as("admin1").get("/api/v1/exports/" + fhirJob + "/content").then().statusCode(200)
                .extract().asString();
        assertTrue(fhir.contains(f.coupleId()));
        assertFalse(fhir.contains(typo), "the marked rating is not exported");
        assertFalse(fhir.contains(wrongSheet), "the marked questionnaire response is not exported");
    }

    @Test
    void fhirExportParsesAndValidatesAsR4() {
        Fixture f = fixture("therapist1");
        // The clinical record too: a diagnosis, a signed treatment plan, a consent, a slip, an assignment.
        as("therapist1").body(Map.of("code", "F43.21", "onsetOn", TODAY.minusMonths(2).toString()))
                .post("/api/v1/couples/" + f.coupleId() + "/partners/" + f.p1() + "/diagnoses").then().statusCode(201);
        String planEtag = as("therapist1").body(org.tandem.treatmentplan.TreatmentPlanTest.plan("fhir", f.p1(), null,
                TODAY.plusMonths(3))).post("/api/v1/couples/" + f.coupleId() + "/treatment-plan").then()
                .statusCode(201).extract().header("ETag");
        as("therapist1").header("If-Match", planEtag).post("/api/v1/couples/" + f.coupleId() + "/treatment-plan/sign")
                .then().statusCode(200);
        io.restassured.path.json.JsonPath form = as("admin1").body(Map.of("kind", "INFORMED_CONSENT", "title",
                "Informed consent " + unique(), "text", "We consent.", "requiredBeforeFirstSession", false))
                .post("/api/v1/consent-templates").then().statusCode(201).extract().jsonPath();
        org.tandem.testsupport.Partners.as("therapist1", f.coupleId(), f.p1()).body(Map.of("version", 1, "textSha256",
                form.getString("current.textSha256"), "typedName", "Kit")).post("/api/v1/me/consents/"
                + form.getString("id") + "/signatures").then().statusCode(201);
        as("therapist1").body(Map.of("date", TODAY.minusDays(3).toString(), "kind", "SLIP")).post("/api/v1/couples/"
                + f.coupleId() + "/partners/" + f.p1() + "/sobriety/resets").then().statusCode(201);
        String exercise = as("therapist1").queryParam("size", 1).get("/api/v1/exercises").then().extract()
                .path("items[0].id");
        as("therapist1").body(Map.of("exerciseId", exercise, "startsOn", TODAY.minusDays(7).toString()))
                .post("/api/v1/couples/" + f.coupleId() + "/assignments").then().statusCode(201);
        String id = start("admin1", "FHIR", "FHIR_NDJSON", TODAY.minusDays(30), TODAY);
        worker.runPending();
        String body = as("admin1").get("/api/v1/exports/" + id + "/content").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("application/fhir+ndjson")).extract()
                .asString();
        assertFalse(body.contains(SECRET));
        FhirContext fhir = FhirContext.forR4Cached();
        IParser parser = fhir.newJsonParser();
        FhirValidator validator = fhir.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(new ValidationSupportChain(
                new org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport(fhir),
                new ca.uhn.fhir.context.support.DefaultProfileValidationSupport(fhir),
                new org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService(fhir))));
        Set<String> types = new TreeSet<>();
        Set<String> found = new TreeSet<>();
        List<String> errors = new ArrayList<>();
        for (String line : body.split("\n")) {
            IBaseResource resource = parser.parseResource(line);
            types.add(resource.fhirType());
            boolean ours = line.contains(f.coupleId()) || line.contains(f.p1()) || line.contains(f.sessionId());
            if (ours) {
                ValidationResult result = validator.validateWithResult(resource);
                result.getMessages().stream().filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                        .forEach(m -> errors.add(resource.fhirType() + ": " + m.getLocationString() + " " + m.getMessage()));
            }
            if (resource instanceof Group g && g.getIdElement().getIdPart().equals(f.coupleId())) {
                assertEquals(f.code(), g.getIdentifierFirstRep().getValue());
                assertEquals(2, g.getMember().size());
            }
            if (resource instanceof Patient p && p.getIdElement().getIdPart().equals(f.p1())) {
                assertTrue(p.getNameFirstRep().getText().startsWith("Kit "));
            }
            if (resource instanceof Observation o && o.getIdElement().getIdPart().startsWith("score-")
                    && o.getSubject().getReference().equals("Patient/" + f.p1())) {
                assertEquals(10, o.getValueQuantity().getValue().intValue());
                assertTrue(o.getCode().getCoding().stream().anyMatch(c -> c.getSystem().equals("http://loinc.org")
                        && c.getCode().equals("44261-6")), "the PHQ-9 total carries its LOINC code");
                found.add("phq-9 score");
            }
            if (resource instanceof org.hl7.fhir.r4.model.Condition c
                    && c.getSubject().getReference().equals("Patient/" + f.p1())) {
                assertEquals("http://hl7.org/fhir/sid/icd-10-cm", c.getCode().getCodingFirstRep().getSystem());
                assertEquals("F43.21", c.getCode().getCodingFirstRep().getCode());
                found.add("condition");
            }
            if (resource instanceof org.hl7.fhir.r4.model.Goal g && g.getSubject().getReference()
                    .equals("Group/" + f.coupleId()) && g.hasTarget() && g.getTargetFirstRep().hasDetailQuantity()) {
                assertEquals("<", g.getTargetFirstRep().getDetailQuantity().getComparator().toCode());
                assertEquals(10, g.getTargetFirstRep().getDetailQuantity().getValue().intValue());
                found.add("goal target");
            }
            if (resource instanceof org.hl7.fhir.r4.model.Goal g && ("goal-" + f.coupleId()).equals(g.getIdPart())) {
                // The couple's treatment goals, stored sealed, exported as written.
                assertEquals("Rebuild trust; agree boundaries", g.getDescription().getText());
                found.add("treatment goals");
            }
            if (resource instanceof org.hl7.fhir.r4.model.CarePlan c && c.getSubject().getReference()
                    .equals("Group/" + f.coupleId())) {
                assertEquals("active", c.getStatus().toCode());
                found.add("care plan");
            }
            if (resource instanceof org.hl7.fhir.r4.model.Consent c
                    && c.getPatient().getReference().equals("Patient/" + f.p1())) {
                assertEquals("active", c.getStatus().toCode());
                assertFalse(line.contains("\"Kit\""), "the signer's typed name stays sealed");
                found.add("consent");
            }
            if (resource instanceof org.hl7.fhir.r4.model.Task t && t.getFor().getReference()
                    .equals("Group/" + f.coupleId())) {
                found.add("task");
            }
            if (resource instanceof Observation o && o.getSubject().getReference().equals("Patient/" + f.p1())
                    && "urn:tandem:sobriety".equals(o.getCode().getCodingFirstRep().getSystem())) {
                found.add("sobriety " + o.getCode().getCodingFirstRep().getCode());
            }
        }
        assertEquals(List.of(), errors);
        // The validator is live: an Observation without its required status is an error.
        assertFalse(validator.validateWithResult(new Observation().setCode(new org.hl7.fhir.r4.model.CodeableConcept()
                .setText("x"))).isSuccessful());
        assertTrue(types.containsAll(Set.of("Patient", "Group", "Goal", "Appointment", "QuestionnaireResponse",
                "Observation", "Condition", "CarePlan", "Consent", "Task")), types.toString());
        assertEquals(new TreeSet<>(Set.of("phq-9 score", "condition", "goal target", "care plan", "consent", "task",
                "sobriety sobriety-date", "sobriety slip", "treatment goals")), found);
    }

    @Test
    void aTherapistExportsOnlyTheirOwnCouplesObservations() {
        Fixture mine = fixture("therapist1");
        Fixture theirs = fixture("therapist2");
        String id = start("therapist1", "OBSERVATIONS", "CSV", TODAY.minusDays(30), TODAY);
        worker.runPending();
        String csv = as("therapist1").get("/api/v1/exports/" + id + "/content").then().statusCode(200).extract()
                .asString();
        assertTrue(csv.contains(mine.coupleId()));
        assertFalse(csv.contains(theirs.coupleId()));
        assertEquals(csv.lines().skip(1).filter(line -> !line.startsWith("ADHERENCE,")).count(),
                as("therapist1").get("/api/v1/exports/" + id).then().extract().jsonPath().getLong("rowsExpected"));
        // Another clinic's admin exports their own clinic only.
        String elsewhere = start("admin9", "OBSERVATIONS", "CSV", TODAY.minusDays(30), TODAY);
        worker.runPending();
        String otherClinic = as("admin9").get("/api/v1/exports/" + elsewhere + "/content").then().statusCode(200)
                .extract().asString();
        assertTrue(otherClinic.startsWith("observation_type,"));
        assertFalse(otherClinic.contains(mine.coupleId()) || otherClinic.contains(theirs.coupleId()));
        // Jobs are the asker's: another therapist cannot see or fetch it; the clinic's admin can.
        as("therapist2").get("/api/v1/exports/" + id).then().statusCode(404);
        as("therapist2").get("/api/v1/exports/" + id + "/content").then().statusCode(404);
        as("therapist2").get("/api/v1/exports").then().body("items.id", not(hasItem(id)));
        as("admin1").get("/api/v1/exports").then().body("items.id", hasItem(id));
        as("admin9").get("/api/v1/exports/" + id).then().statusCode(404);
        as("admin9").get("/api/v1/exports/" + id + "/content").then().statusCode(404);
        as("therapist1").body(body("FHIR", "FHIR_NDJSON", TODAY.minusDays(1), TODAY)).post("/api/v1/exports").then()
                .statusCode(403);
        as("therapist1").body(body("AUDIT_LOG", "CSV", TODAY.minusDays(1), TODAY)).post("/api/v1/exports").then()
                .statusCode(403);
    }

    @Test
    void theAuditLogExportsAsCsvAndIsAudited() throws Exception {
        String first = start("admin1", "OBSERVATIONS", "CSV", TODAY, TODAY);
        String id = start("admin1", "AUDIT_LOG", "CSV", TODAY.minusDays(1), TODAY);
        worker.runPending();
        String csv = as("admin1").get("/api/v1/exports/" + id + "/content").then().statusCode(200).extract()
                .asString();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertEquals(AuditLogExport.COLUMNS, parser.getHeaderNames());
            List<CSVRecord> rows = parser.getRecords();
            assertTrue(rows.stream().anyMatch(r -> r.get("action").equals("export.create")
                    && r.get("record_id").equals(first)));
        }
        String other = start("admin9", "AUDIT_LOG", "CSV", TODAY.minusDays(1), TODAY);
        worker.runPending();
        assertFalse(as("admin9").get("/api/v1/exports/" + other + "/content").asString().contains(first),
                "another clinic's audit log");
    }

    @Test
    void aJobWhoseReplicaDiedIsTakenOverAndRestarted() throws Exception {
        fixture("therapist1");
        String id = start("admin1", "OBSERVATIONS", "CSV", TODAY.minusDays(30), TODAY);
        // Another replica claims the job, writes a first chunk and dies: its heartbeat stops.
        ExportStore.Claim claim = store.claim("dead-replica", java.time.Duration.ofMinutes(1), 3).orElseThrow();
        assertEquals(id, claim.jobId().toString());
        byte[] partial = "observation_type,GARBAGE FROM A DEAD REPLICA\n".getBytes();
        store.write(claim.jobId(), "dead-replica", 0, partial, partial.length, 1, partial.length);
        as("admin1").get("/api/v1/exports/" + id).then().body("status", equalTo("RUNNING"))
                .body("rowsWritten", equalTo(1));
        worker.runPending();
        as("admin1").get("/api/v1/exports/" + id).then().body("status", equalTo("RUNNING"));
        sql("update export_job set heartbeat_at = ? where id = ?", Timestamp.from(Instant.now().minus(5,
                ChronoUnit.MINUTES)), org.tandem.common.persistence.BinaryUuids.bytes(UUID.fromString(id)));

        worker.runPending();
        as("admin1").get("/api/v1/exports/" + id).then().body("status", equalTo("SUCCEEDED"))
                .body("attempts", equalTo(2));
        String csv = as("admin1").get("/api/v1/exports/" + id + "/content").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith(String.join(",", ObservationExport.COLUMNS)));
        assertFalse(csv.contains("GARBAGE"));
        // The dead replica wakes up: it no longer owns the job and writes nothing.
        org.junit.jupiter.api.Assertions.assertThrows(ExportStore.Stopped.class,
                () -> store.write(claim.jobId(), "dead-replica", 1, partial, partial.length, 2, 99));
    }

    @Test
    void theStoredOutputIsSealedAndAnUnsealedOneFromBeforeIsNotServed() throws Exception {
        Fixture f = fixture("therapist1");
        String id = start("admin1", "OBSERVATIONS", "CSV", TODAY.minusDays(30), TODAY);
        worker.runPending();
        assertTrue(as("admin1").get("/api/v1/exports/" + id + "/content").then().statusCode(200).extract()
                .asString().contains(f.code()));
        // The table holds neither the CSV nor a gzip of it; and the key it is sealed with is itself sealed.
        byte[] stored = chunk(id);
        assertFalse(stored[0] == (byte) 0x1f && stored[1] == (byte) 0x8b, "not a plain gzip stream");
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains(f.code()));

        // An export written before outputs were sealed: no key, and gzip in the clear. Not served, and the next
        // retention sweep deletes it.
        String before = start("admin1", "OBSERVATIONS", "CSV", TODAY.minusDays(30), TODAY);
        worker.runPending();
        java.io.ByteArrayOutputStream gzip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzip)) {
            out.write(("observation_type,couple_code\nRATING," + f.code() + "\n").getBytes());
        }
        byte[] job = org.tandem.common.persistence.BinaryUuids.bytes(UUID.fromString(before));
        sql("update export_job set chunk_key_id = null, chunk_key_ciphertext = null where id = ?", job);
        sql("update export_chunk set data = ? where job_id = ? and seq = 0", gzip.toByteArray(), job);
        as("admin1").get("/api/v1/exports/" + before + "/content").then().statusCode(410)
                .body("type", equalTo("/problems/export-expired"));
        store.expire(Instant.now());
        as("admin1").get("/api/v1/exports/" + before).then().statusCode(200).body("status", equalTo("EXPIRED"));
        assertEquals(0, chunks(before));
        // The sealed one, still within its retention, stays.
        assertEquals(1, chunks(id));
    }

    private byte[] chunk(String job) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select data from export_chunk where job_id = ? and seq = 0")) {
            s.setBytes(1, org.tandem.common.persistence.BinaryUuids.bytes(UUID.fromString(job)));
            try (java.sql.ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "a stored chunk");
                return r.getBytes(1);
            }
        }
    }

    private int chunks(String job) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from export_chunk where job_id = ?")) {
            s.setBytes(1, org.tandem.common.persistence.BinaryUuids.bytes(UUID.fromString(job)));
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void aJobOutOfAttemptsFails() throws Exception {
        String id = start("admin1", "OBSERVATIONS", "CSV", TODAY, TODAY);
        sql("update export_job set status = 'RUNNING', attempts = 3, heartbeat_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)), org.tandem.common.persistence.BinaryUuids.bytes(UUID.fromString(id)));
        worker.runPending();
        as("admin1").get("/api/v1/exports/" + id).then().body("status", equalTo("FAILED"))
                .body("error", equalTo("Gave up after 3 attempts."));
        as("admin1").get("/api/v1/exports/" + id + "/content").then().statusCode(409);
    }

    @Test
    void cancelledJobsDoNotRunAndFinishedOnesExpire() throws Exception {
        String cancelled = start("therapist1", "OBSERVATIONS", "CSV", TODAY, TODAY);
        as("therapist2").post("/api/v1/exports/" + cancelled + "/cancel").then().statusCode(404);
        as("therapist1").post("/api/v1/exports/" + cancelled + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        as("therapist1").post("/api/v1/exports/" + cancelled + "/cancel").then().statusCode(409);
        worker.runPending();
        as("therapist1").get("/api/v1/exports/" + cancelled).then().body("status", equalTo("CANCELLED"))
                .body("attempts", equalTo(0));

        String done = start("admin1", "OBSERVATIONS", "NDJSON", TODAY, TODAY);
        worker.runPending();
        as("admin1").post("/api/v1/exports/" + done + "/cancel").then().statusCode(409);
        as("admin1").get("/api/v1/exports/" + done).then().body("expiresAt", org.hamcrest.Matchers.notNullValue());
        sql("update export_job set expires_at = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
                org.tandem.common.persistence.BinaryUuids.bytes(UUID.fromString(done)));
        store.expire(Instant.now());
        as("admin1").get("/api/v1/exports/" + done).then().body("status", equalTo("EXPIRED"));
        as("admin1").get("/api/v1/exports/" + done + "/content").then().statusCode(410)
                .body("type", equalTo("/problems/export-expired"));
    }

    @Test
    void badExportRequestsAreFieldErrors() {
        as("admin1").body(body("FHIR", "CSV", TODAY, TODAY)).post("/api/v1/exports").then().statusCode(400)
                .body("violations[0].field", equalTo("format"));
        as("admin1").body(body("OBSERVATIONS", "CSV", TODAY, TODAY.minusDays(1))).post("/api/v1/exports").then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        as("admin1").body(body("OBSERVATIONS", "CSV", TODAY.minusYears(4), TODAY)).post("/api/v1/exports").then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        as("admin1").body(body("EVERYTHING", "CSV", TODAY, TODAY)).post("/api/v1/exports").then().statusCode(400)
                .body("field", equalTo("kind"));
        Map<String, Object> missing = body("OBSERVATIONS", "CSV", TODAY, TODAY);
        missing.remove("from");
        as("admin1").body(missing).post("/api/v1/exports").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        Map<String, Object> badDate = body("OBSERVATIONS", "CSV", TODAY, TODAY);
        badDate.put("from", "2031-02-30");
        as("admin1").body(badDate).post("/api/v1/exports").then().statusCode(400).body("field", equalTo("from"));
        Map<String, Object> extra = body("OBSERVATIONS", "CSV", TODAY, TODAY);
        extra.put("clinicId", UUID.randomUUID().toString());
        as("admin1").body(extra).post("/api/v1/exports").then().statusCode(400);
        as("admin1").get("/api/v1/exports/not-a-uuid").then().statusCode(404);
    }

    @Test
    void exportsFollowTheRoleMatrix() {
        String id = start("admin1", "OBSERVATIONS", "CSV", TODAY, TODAY);
        Map<String, Object> body = body("OBSERVATIONS", "CSV", TODAY, TODAY);
        anonymous().body(body).post("/api/v1/exports").then().statusCode(401);
        anonymous().get("/api/v1/exports").then().statusCode(401);
        anonymous().get("/api/v1/exports/" + id).then().statusCode(401);
        anonymous().get("/api/v1/exports/" + id + "/content").then().statusCode(401);
        anonymous().post("/api/v1/exports/" + id + "/cancel").then().statusCode(401);
        asIntegration().body(body).post("/api/v1/exports").then().statusCode(403);
        asIntegration().get("/api/v1/exports").then().statusCode(403);
        asIntegration().get("/api/v1/exports/" + id).then().statusCode(403);
        asIntegration().get("/api/v1/exports/" + id + "/content").then().statusCode(403);
        asIntegration().post("/api/v1/exports/" + id + "/cancel").then().statusCode(403);
        as("admin9").post("/api/v1/exports/" + id + "/cancel").then().statusCode(404);
        as("therapist1").get("/api/v1/exports/" + id).then().statusCode(404);
        as("admin1").get("/api/v1/exports/" + id).then().statusCode(200).body("status", equalTo("QUEUED"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public static String start(String user, String kind, String format, LocalDate from, LocalDate to) {
        return as(user).body(body(kind, format, from, to)).post("/api/v1/exports").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/exports/")).extract().path("id");
    }

    static Map<String, Object> body(String kind, String format, LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("format", format);
        body.put("from", from.toString());
        body.put("to", to.toString());
        return body;
    }

    private void sql(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
