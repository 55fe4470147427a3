package org.tandem.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import lombok.RequiredArgsConstructor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.questionnaire.Instrument;
import org.tandem.questionnaire.InstrumentCatalog;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.treatmentplan.PlanWords;
import org.tandem.treatmentplan.TreatmentPlanApi;
import org.tandem.treatmentplan.TreatmentPlanApi.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;

/**
 * The clinic's data as FHIR R4 resources (HAPI FHIR structures), one JSON resource per line (FHIR bulk-data NDJSON),
 * grouped by type: Patient per partner, Group per couple, Goal for its treatment goals, Appointment per session
 * and Encounter per held one, Task per assignment, QuestionnaireResponse per questionnaire with an Observation of
 * its score (with the LOINC code of the total where LOINC has one), Observation per rating; Condition per diagnosis
 * (ICD-10-CM), CarePlan per treatment plan version in force or drafted with a Goal per goal, Consent per signature,
 * and Observations of sobriety (the sobriety date, each slip or relapse). Session notes, safety plans and the
 * signers' details are never read, so none of them can be exported.
 */
@ApplicationScoped
@RequiredArgsConstructor
class FhirExport implements ExportSource {

    /** Our own code systems, for what has no standard code. */
    static final String METRIC_SYSTEM = "urn:tandem:metric";
    static final String INSTRUMENT_SYSTEM = "urn:tandem:instrument";
    static final String COUPLE_CODE_SYSTEM = "urn:tandem:couple-code";
    static final String SOBRIETY_SYSTEM = "urn:tandem:sobriety";
    static final String CONSENT_TEXT_SYSTEM = "urn:tandem:consent-text-sha256";
    static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String LOINC = "http://loinc.org";

    private final Scan scan;
    private final InstrumentCatalog instruments;
    private final ClinicCipher cipher;
    private final ObjectMapper json;
    private final FhirContext fhir = FhirContext.forR4Cached();

    @Override
    public long count(ExportJob job, ExportScope s) {
        String couples = " from couple c where " + s.couples();
        return scan.count("select count(*) * 3" + couples, s.coupleParams())
                + scan.countInScope(s, "measurement", "measured_on", s.from(), s.to(), false,
                        ObservationExport.COUNTS)
                + 2 * scan.countInScope(s, "questionnaire_response", "completed_on", s.from(), s.to(), false,
                        ObservationExport.COUNTS)
                + scan.countInScope(s, "therapy_session", "starts_at", Scan.utc(s.start()), Scan.utc(s.end()), true,
                        null)
                + clinicalRecordCount(s);
    }

    /** About: a Condition per diagnosis, a CarePlan and a Goal or two per plan version, a Consent per signature. */
    private long clinicalRecordCount(ExportScope s) {
        return scan.count("select count(*) from diagnosis d join couple c on c.id = d.couple_id where " + s.couples()
                + " and d.status <> 'ENTERED_IN_ERROR'", s.coupleParams())
                + scan.count("select count(*) * 2 from treatment_plan_version v join treatment_plan p on p.id ="
                        + " v.plan_id join couple c on c.id = p.couple_id where " + s.couples()
                        + " and v.status <> 'SUPERSEDED'", s.coupleParams())
                + scan.count("select count(*) from consent_signature g join couple c on c.id = g.couple_id where "
                        + s.couples(), s.coupleParams())
                + scan.count("select count(*) from partner p join couple c on c.id = p.couple_id where " + s.couples()
                        + " and p.sobriety_date is not null", s.coupleParams());
    }

    @Override
    public void write(ExportJob job, ExportScope s, OutputStream out, AtomicLong rows) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        IParser json = fhir.newJsonParser().setPrettyPrint(false);
        Emit emit = resource -> {
            try {
                json.encodeResourceToWriter(resource, writer);
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows.incrementAndGet();
        };
        scan.stream("select p.id, p.couple_id, p.full_name, p.preferred_name, p.date_of_birth from partner p"
                + " join couple c on c.id = p.couple_id where " + s.couples() + " order by c.code, p.seat",
                s.coupleParams(), r -> emit.resource(patient(BinaryUuids.of(r.getBytes(1)), r.getString(3), r.getString(4),
                        r.getObject(5, LocalDate.class))));
        scan.stream("select c.id, c.code, c.status, c.treatment_goals, (select group_concat(hex(p.id) order by"
                + " p.seat) from partner p where p.couple_id = c.id), c.treatment_goals_key_id,"
                + " c.treatment_goals_ciphertext from couple c where " + s.couples() + " order by c.code",
                s.coupleParams(), r -> {
                    UUID couple = BinaryUuids.of(r.getBytes(1));
                    emit.resource(group(couple, r.getString(2), r.getString(3), r.getString(5)));
                    // Sealed goals, or goals written before goals were sealed (until PlaintextSealing seals them).
                    String goals = r.getBytes(6) == null ? r.getString(4) : cipher.open(BinaryUuids.of(r.getBytes(6)),
                            SealedColumn.COUPLE_GOALS.purpose(), couple, r.getBytes(7));
                    if (goals != null) {
                        emit.resource(goal(couple, r.getString(3), goals));
                    }
                });
        scan.stream(s.inIndexOrder("select %2$s s.id, s.couple_id, s.partner_id, s.starts_at, s.ends_at, s.status,"
                + " s.kind from therapy_session s %3$s join couple c on c.id = s.couple_id where %1$s"
                + " and s.clinic_id = ? and s.starts_at >= ? and s.starts_at < ? order by s.starts_at, s.id",
                "ix_session_clinic_time"), s.params(s.clinicId(), Scan.utc(s.start()), Scan.utc(s.end())), r -> {
                    UUID id = BinaryUuids.of(r.getBytes(1));
                    UUID couple = BinaryUuids.of(r.getBytes(2));
                    UUID partner = BinaryUuids.of(r.getBytes(3));
                    Instant start = Scan.instant(r, "starts_at");
                    Instant end = Scan.instant(r, "ends_at");
                    String status = r.getString(6);
                    emit.resource(appointment(id, couple, partner, start, end, status, r.getString(7)));
                    if ("COMPLETED".equals(status)) {
                        emit.resource(encounter(id, couple, start, end));
                    }
                });
        scan.stream("select a.id, a.couple_id, a.partner_id, a.status, a.starts_on, a.ends_on, v.title"
                + " from assignment a join couple c on c.id = a.couple_id join exercise_version v"
                + " on v.id = a.exercise_version_id where " + s.couples() + " and a.starts_on <= ?"
                + " and (a.ends_on is null or a.ends_on >= ?) order by a.starts_on, a.id", s.params(s.to(), s.from()),
                r -> emit.resource(task(BinaryUuids.of(r.getBytes(1)), BinaryUuids.of(r.getBytes(2)),
                        BinaryUuids.of(r.getBytes(3)), r.getString(4), r.getObject(5, LocalDate.class),
                        r.getObject(6, LocalDate.class), r.getString(7))));
        writeClinicalRecord(s, emit);
        scan.stream(s.inIndexOrder("select %2$s q.id, q.partner_id, q.completed_on, q.instrument_key, q.answers"
                + " from questionnaire_response q %3$s join couple c on c.id = q.couple_id where %1$s"
                + " and q.clinic_id = ? and q.completed_on >= ? and q.completed_on <= ? and q.entered_in_error_at is null"
                + " order by q.completed_on, q.id",
                "ix_questionnaire_clinic_day"), s.params(s.clinicId(), s.from(), s.to()), r -> {
                    UUID id = BinaryUuids.of(r.getBytes(1));
                    UUID partner = BinaryUuids.of(r.getBytes(2));
                    LocalDate day = r.getObject(3, LocalDate.class);
                    String key = r.getString(4);
                    List<Integer> answers = Arrays.stream(r.getString(5).split(",")).map(Integer::valueOf).toList();
                    emit.resource(questionnaireResponse(id, partner, day, key, answers));
                    instruments.find(key).ifPresent(i -> emit.resource(score(id, partner, day, i, answers)));
                });
        scan.stream(s.inIndexOrder("select %2$s m.id, m.couple_id, m.partner_id, m.measured_on, m.metric_key,"
                + " m.value from measurement m %3$s join couple c on c.id = m.couple_id where %1$s"
                + " and m.clinic_id = ? and m.measured_on >= ? and m.measured_on <= ? and m.entered_in_error_at is null"
                + " order by m.measured_on, m.id",
                "ix_measurement_clinic_day"), s.params(s.clinicId(), s.from(), s.to()),
                r -> emit.resource(rating(BinaryUuids.of(r.getBytes(1)), BinaryUuids.of(r.getBytes(2)),
                        BinaryUuids.of(r.getBytes(3)), r.getObject(4, LocalDate.class), r.getString(5),
                        r.getBigDecimal(6))));
        writer.flush();
    }

    /** Diagnoses, treatment plans, consents and sobriety of the couples in scope. */
    private void writeClinicalRecord(ExportScope s, Emit emit) {
        scan.stream("select d.id, d.partner_id, d.code, d.onset_on, d.status, d.resolved_on, (select k.description"
                + " from diagnosis_code k where k.code = d.code and (k.clinic_id is null or k.clinic_id = d.clinic_id)"
                + " limit 1) from diagnosis d join couple c on c.id = d.couple_id where " + s.couples()
                + " and d.status <> 'ENTERED_IN_ERROR' order by d.created_at, d.id", s.coupleParams(),
                r -> emit.resource(condition(BinaryUuids.of(r.getBytes(1)), BinaryUuids.of(r.getBytes(2)),
                        r.getString(3), r.getString(7), r.getObject(4, LocalDate.class), r.getString(5),
                        r.getObject(6, LocalDate.class))));
        // The signed version in force and a draft after it: a CarePlan each, with a Goal per goal of the plan.
        scan.stream("select v.id, v.number, v.status, v.content_key_id, v.content_ciphertext, p.couple_id"
                + " from treatment_plan p join couple c on c.id = p.couple_id join treatment_plan_version v"
                + " on v.plan_id = p.id where " + s.couples() + " and v.status <> 'SUPERSEDED'"
                + " order by p.created_at, p.id, v.number", s.coupleParams(), r -> {
                    UUID version = BinaryUuids.of(r.getBytes(1));
                    List<Problem> problems = PlanWords.read(json, cipher.open(BinaryUuids.of(r.getBytes(4)),
                            PlanWords.PURPOSE, version, r.getBytes(5)));
                    for (IBaseResource resource : carePlan(version, r.getInt(2), r.getString(3),
                            BinaryUuids.of(r.getBytes(6)), problems)) {
                        emit.resource(resource);
                    }
                });
        scan.stream("select g.id, g.partner_id, g.template_id, g.signed_at, g.expires_on, g.revoked_at,"
                + " g.text_sha256, t.kind, t.title, v.number from consent_signature g join couple c"
                + " on c.id = g.couple_id join consent_template t on t.id = g.template_id join consent_template_version v"
                + " on v.id = g.version_id where " + s.couples() + " order by g.signed_at, g.id", s.coupleParams(),
                r -> emit.resource(consent(BinaryUuids.of(r.getBytes(1)), BinaryUuids.of(r.getBytes(2)),
                        BinaryUuids.of(r.getBytes(3)), Scan.instant(r, "signed_at"), r.getObject(5, LocalDate.class),
                        r.getTimestamp(6) == null ? null : Scan.instant(r, "revoked_at"), r.getString(7),
                        r.getString(8), r.getString(9), r.getInt(10), LocalDate.now(s.zone()))));
        scan.stream("select p.id, p.sobriety_date from partner p join couple c on c.id = p.couple_id where "
                + s.couples() + " and p.sobriety_date is not null order by c.code, p.seat", s.coupleParams(),
                r -> emit.resource(sobrietyDate(BinaryUuids.of(r.getBytes(1)), r.getObject(2, LocalDate.class))));
        scan.stream("select r.id, r.partner_id, r.occurred_on, r.kind from sobriety_reset r join partner p"
                + " on p.id = r.partner_id join couple c on c.id = p.couple_id where " + s.couples()
                + " and r.occurred_on >= ? and r.occurred_on <= ? and r.entered_in_error_at is null"
                + " order by r.occurred_on, r.id", s.params(s.from(), s.to()),
                r -> emit.resource(sobrietyReset(BinaryUuids.of(r.getBytes(1)), BinaryUuids.of(r.getBytes(2)),
                        r.getObject(3, LocalDate.class), r.getString(4))));
    }

    @FunctionalInterface
    private interface Emit {
        void resource(IBaseResource resource);
    }

    static Patient patient(UUID id, String fullName, String preferred, LocalDate birth) {
        Patient p = new Patient();
        p.setId(id.toString());
        p.addName().setText(fullName).setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL);
        if (preferred != null) {
            p.addName().setText(preferred).setUse(org.hl7.fhir.r4.model.HumanName.NameUse.USUAL);
        }
        if (birth != null) {
            p.setBirthDateElement(new DateType(Date.valueOf(birth)));
        }
        p.setGender(AdministrativeGender.UNKNOWN);
        return p;
    }

    static Group group(UUID id, String code, String status, String partnersHex) {
        Group g = new Group();
        g.setId(id.toString());
        g.addIdentifier().setSystem(COUPLE_CODE_SYSTEM).setValue(code);
        g.setType(Group.GroupType.PERSON).setActual(true).setName("Couple " + code);
        g.setActive(!"DISCHARGED".equals(status));
        if (partnersHex != null) {
            for (String hex : partnersHex.split(",")) {
                g.addMember().setEntity(new Reference("Patient/" + BinaryUuids.ofHex(hex)));
            }
        }
        return g;
    }

    static Goal goal(UUID couple, String status, String text) {
        Goal g = new Goal();
        g.setId("goal-" + couple);
        g.setLifecycleStatus("DISCHARGED".equals(status) ? Goal.GoalLifecycleStatus.COMPLETED
                : Goal.GoalLifecycleStatus.ACTIVE);
        g.setDescription(new CodeableConcept().setText(text));
        g.setSubject(new Reference("Group/" + couple));
        return g;
    }

    static Appointment appointment(UUID id, UUID couple, UUID partner, Instant start, Instant end, String status,
            String kind) {
        Appointment a = new Appointment();
        a.setId(id.toString());
        a.setStatus(switch (status) {
            case "COMPLETED" -> Appointment.AppointmentStatus.FULFILLED;
            case "CANCELLED" -> Appointment.AppointmentStatus.CANCELLED;
            case "NO_SHOW" -> Appointment.AppointmentStatus.NOSHOW;
            default -> Appointment.AppointmentStatus.BOOKED;
        });
        a.setDescription(kind + " session");
        a.setStart(java.util.Date.from(start)).setEnd(java.util.Date.from(end));
        a.addParticipant().setActor(new Reference(partner != null ? "Patient/" + partner : "Group/" + couple))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return a;
    }

    static Encounter encounter(UUID session, UUID couple, Instant start, Instant end) {
        Encounter e = new Encounter();
        e.setId("enc-" + session);
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setClass_(new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB",
                "ambulatory"));
        e.setSubject(new Reference("Group/" + couple));
        e.addAppointment(new Reference("Appointment/" + session));
        e.setPeriod(new Period().setStart(java.util.Date.from(start)).setEnd(java.util.Date.from(end)));
        return e;
    }

    /** An assignment: a task the partner (or the couple) is asked to do over a period. */
    static Task task(UUID id, UUID couple, UUID partner, String status, LocalDate starts, LocalDate ends,
            String title) {
        Task t = new Task();
        t.setId(id.toString());
        t.setStatus(switch (status) {
            case "PAUSED" -> Task.TaskStatus.ONHOLD;
            case "COMPLETED" -> Task.TaskStatus.COMPLETED;
            case "CANCELLED" -> Task.TaskStatus.CANCELLED;
            default -> Task.TaskStatus.INPROGRESS;
        });
        t.setIntent(Task.TaskIntent.ORDER);
        t.setDescription(title);
        t.setFor(new Reference(partner != null ? "Patient/" + partner : "Group/" + couple));
        Period period = new Period().setStartElement(new DateTimeType(starts.toString()));
        if (ends != null) {
            period.setEndElement(new DateTimeType(ends.toString()));
        }
        t.setExecutionPeriod(period);
        return t;
    }

    /** A diagnosis: ICD-10-CM, active or resolved (one entered in error is not exported, as no such entry is). */
    static Condition condition(UUID id, UUID partner, String code, String display, LocalDate onset, String status,
            LocalDate resolvedOn) {
        Condition c = new Condition();
        c.setId(id.toString());
        c.setClinicalStatus(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical",
                "RESOLVED".equals(status) ? "resolved" : "active", null)));
        c.setVerificationStatus(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null)));
        c.addCategory().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-category",
                "problem-list-item", "Problem List Item"));
        c.setCode(new CodeableConcept().addCoding(new Coding(ICD10_CM, code, display)));
        c.setSubject(new Reference("Patient/" + partner));
        if (onset != null) {
            c.setOnset(new DateTimeType(onset.toString()));
        }
        if (resolvedOn != null) {
            c.setAbatement(new DateTimeType(resolvedOn.toString()));
        }
        return c;
    }

    /**
     * A treatment plan version as a CarePlan for the couple, and a Goal per goal of the plan: each measured
     * objective is a target (the instrument's LOINC code where it has one), the objectives' words a note.
     */
    List<IBaseResource> carePlan(UUID version, int number, String status, UUID couple, List<Problem> problems) {
        boolean signed = "SIGNED".equals(status);
        CarePlan plan = new CarePlan();
        plan.setId("tp-" + version);
        plan.setStatus(signed ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.DRAFT);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setTitle("Treatment plan, version " + number);
        plan.setSubject(new Reference("Group/" + couple));
        plan.setDescription(String.join("; ", problems.stream().map(Problem::text).toList()));
        List<IBaseResource> out = new ArrayList<>();
        for (int p = 0; p < problems.size(); p++) {
            List<TreatmentPlanApi.Goal> goals = problems.get(p).goals();
            for (int g = 0; g < goals.size(); g++) {
                TreatmentPlanApi.Goal planGoal = goals.get(g);
                Goal goal = new Goal();
                goal.setId("tp-goal-" + version + "-" + (p + 1) + "-" + (g + 1));
                goal.setLifecycleStatus(signed ? Goal.GoalLifecycleStatus.ACTIVE : Goal.GoalLifecycleStatus.PROPOSED);
                goal.setDescription(new CodeableConcept().setText(planGoal.text()));
                goal.setSubject(new Reference("Group/" + couple));
                for (TreatmentPlanApi.Objective objective : planGoal.objectives()) {
                    goal.addNote().setText(objective.text());
                    if (objective.measure() != null) {
                        goal.addTarget(target(objective));
                    }
                }
                if (planGoal.targetDate() != null && goal.getTarget().isEmpty()) {
                    goal.addTarget().setDue(new DateType(planGoal.targetDate().toString()));
                }
                plan.addGoal(new Reference("Goal/" + goal.getIdElement().getIdPart()));
                for (TreatmentPlanApi.Intervention intervention : planGoal.interventions()) {
                    plan.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS)
                            .setDescription(intervention.text());
                }
                out.add(goal);
            }
        }
        out.add(0, plan);
        return out;
    }

    private Goal.GoalTargetComponent target(TreatmentPlanApi.Objective objective) {
        TreatmentPlanApi.Measure m = objective.measure();
        CodeableConcept measure = new CodeableConcept();
        instruments.find(m.key()).ifPresentOrElse(i -> {
            if (i.loinc() != null) {
                measure.addCoding(new Coding(LOINC, i.loinc(), i.name() + " total score"));
            }
            measure.addCoding(new Coding(INSTRUMENT_SYSTEM, i.key(), i.name()));
        }, () -> measure.addCoding(new Coding(METRIC_SYSTEM, m.key(), m.key())));
        Quantity detail = new Quantity().setValue(m.target());
        switch (m.comparator()) {
            case AT_LEAST -> detail.setComparator(Quantity.QuantityComparator.GREATER_OR_EQUAL);
            case ABOVE -> detail.setComparator(Quantity.QuantityComparator.GREATER_THAN);
            case AT_MOST -> detail.setComparator(Quantity.QuantityComparator.LESS_OR_EQUAL);
            case BELOW -> detail.setComparator(Quantity.QuantityComparator.LESS_THAN);
        }
        Goal.GoalTargetComponent target = new Goal.GoalTargetComponent().setMeasure(measure).setDetail(detail);
        if (objective.targetDate() != null) {
            target.setDue(new DateType(objective.targetDate().toString()));
        }
        return target;
    }

    /**
     * A partner's signature of a consent form: active while in force; the policy names the form's version, the
     * identifier the SHA-256 of its text. Who signed and a release's party stay sealed in Tandem.
     */
    static Consent consent(UUID id, UUID partner, UUID template, Instant signedAt, LocalDate expiresOn,
            Instant revokedAt, String sha256, String kind, String title, int number, LocalDate today) {
        boolean release = "RELEASE_OF_INFORMATION".equals(kind);
        Consent c = new Consent();
        c.setId(id.toString());
        c.setStatus(revokedAt != null || (expiresOn != null && today.isAfter(expiresOn))
                ? Consent.ConsentState.INACTIVE : Consent.ConsentState.ACTIVE);
        c.setScope(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
                release ? "patient-privacy" : "treatment", release ? "Privacy Consent" : "Treatment")));
        c.addCategory().addCoding(new Coding(LOINC, release ? "64292-6" : "59284-0",
                release ? "Release of information consent" : "Patient Consent"));
        c.setPatient(new Reference("Patient/" + partner));
        c.setDateTime(java.util.Date.from(signedAt));
        c.addIdentifier().setSystem(CONSENT_TEXT_SYSTEM).setValue(sha256);
        c.addPolicy().setUri("urn:tandem:consent-template:" + template + ":" + number);
        c.getSourceAttachment().setTitle(title + ", version " + number);
        if (expiresOn != null) {
            c.getProvision().setPeriod(new Period().setEndElement(new DateTimeType(expiresOn.toString())));
        }
        return c;
    }

    /** The first sober day of a partner in recovery. */
    static Observation sobrietyDate(UUID partner, LocalDate day) {
        Observation o = observation("sobriety-" + partner, "Patient/" + partner, day, SOBRIETY_SYSTEM,
                "sobriety-date", "Sobriety date");
        o.setValue(new DateTimeType(day.toString()));
        return o;
    }

    /** A slip or relapse, on the day it happened; the therapist's note stays sealed in Tandem. */
    static Observation sobrietyReset(UUID id, UUID partner, LocalDate day, String kind) {
        String code = kind.toLowerCase(java.util.Locale.ROOT);
        return observation(id.toString(), "Patient/" + partner, day, SOBRIETY_SYSTEM, code,
                "SLIP".equals(kind) ? "Slip" : "Relapse");
    }

    static QuestionnaireResponse questionnaireResponse(UUID id, UUID partner, LocalDate day, String key,
            List<Integer> answers) {
        QuestionnaireResponse q = new QuestionnaireResponse();
        q.setId(id.toString());
        q.setQuestionnaire(INSTRUMENT_SYSTEM + ":" + key);
        q.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        q.setSubject(new Reference("Patient/" + partner));
        q.setAuthoredElement(new DateTimeType(day.toString()));
        for (int n = 0; n < answers.size(); n++) {
            q.addItem().setLinkId(String.valueOf(n + 1)).addAnswer().setValue(new IntegerType(answers.get(n)));
        }
        return q;
    }

    static Observation score(UUID response, UUID partner, LocalDate day, Instrument instrument,
            List<Integer> answers) {
        Instrument.Score s = instrument.score(answers);
        Observation o = observation("score-" + response, partner == null ? null : "Patient/" + partner, day,
                INSTRUMENT_SYSTEM, instrument.key(), instrument.name() + " score");
        if (instrument.loinc() != null) {
            o.getCode().addCoding(new Coding(LOINC, instrument.loinc(), null));
        }
        o.setValue(new Quantity().setValue(s.total()).setUnit("{score}"));
        o.addInterpretation().setText(s.band());
        o.addDerivedFrom(new Reference("QuestionnaireResponse/" + response));
        return o;
    }

    static Observation rating(UUID id, UUID couple, UUID partner, LocalDate day, String metric,
            java.math.BigDecimal value) {
        Observation o = observation(id.toString(), partner != null ? "Patient/" + partner : "Group/" + couple, day,
                METRIC_SYSTEM, metric, metric);
        o.setValue(new Quantity().setValue(value).setUnit("{rating}"));
        return o;
    }

    private static Observation observation(String id, String subject, LocalDate day, String system, String code,
            String display) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category")
                .setCode("survey").setDisplay("Survey");
        o.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(system, code, display))
                .setText(display));
        o.setSubject(new Reference(subject));
        o.setEffective(new DateTimeType(day.toString()));
        return o;
    }
}
