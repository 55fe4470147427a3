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

/**
 * The clinic's data as FHIR R4 resources (HAPI FHIR structures), one JSON resource per line (FHIR bulk-data NDJSON),
 * grouped by type: Patient per partner, Group per couple, Goal for its treatment goals, Appointment per session
 * and Encounter per held one, CarePlan per assignment, QuestionnaireResponse per questionnaire with an Observation
 * of its score, and Observation per rating. Session notes are never read, so no note of any kind can be exported.
 */
@ApplicationScoped
@RequiredArgsConstructor
class FhirExport implements ExportSource {

    /** Our own code systems, for what has no standard code. */
    static final String METRIC_SYSTEM = "urn:tandem:metric";
    static final String INSTRUMENT_SYSTEM = "urn:tandem:instrument";
    static final String COUPLE_CODE_SYSTEM = "urn:tandem:couple-code";

    private final Scan scan;
    private final InstrumentCatalog instruments;
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
                        null);
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
                + " p.seat) from partner p where p.couple_id = c.id) from couple c where " + s.couples()
                + " order by c.code", s.coupleParams(), r -> {
                    UUID couple = BinaryUuids.of(r.getBytes(1));
                    emit.resource(group(couple, r.getString(2), r.getString(3), r.getString(5)));
                    if (r.getString(4) != null) {
                        emit.resource(goal(couple, r.getString(3), r.getString(4)));
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
                r -> emit.resource(carePlan(BinaryUuids.of(r.getBytes(1)), BinaryUuids.of(r.getBytes(2)),
                        BinaryUuids.of(r.getBytes(3)), r.getString(4), r.getObject(5, LocalDate.class),
                        r.getObject(6, LocalDate.class), r.getString(7))));
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

    static CarePlan carePlan(UUID id, UUID couple, UUID partner, String status, LocalDate starts, LocalDate ends,
            String title) {
        CarePlan c = new CarePlan();
        c.setId(id.toString());
        c.setStatus(switch (status) {
            case "PAUSED" -> CarePlan.CarePlanStatus.ONHOLD;
            case "COMPLETED" -> CarePlan.CarePlanStatus.COMPLETED;
            case "CANCELLED" -> CarePlan.CarePlanStatus.REVOKED;
            default -> CarePlan.CarePlanStatus.ACTIVE;
        });
        c.setIntent(CarePlan.CarePlanIntent.PLAN);
        c.setTitle(title);
        c.setSubject(new Reference(partner != null ? "Patient/" + partner : "Group/" + couple));
        Period period = new Period().setStartElement(new DateTimeType(starts.toString()));
        if (ends != null) {
            period.setEndElement(new DateTimeType(ends.toString()));
        }
        c.setPeriod(period);
        c.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS)
                .setDescription(title);
        return c;
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
