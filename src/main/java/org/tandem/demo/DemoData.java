package org.tandem.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import org.tandem.consent.ConsentKind;
import org.tandem.consent.ConsentRepository;
import org.tandem.diagnosis.DiagnosisRepository;
import org.tandem.treatmentplan.TreatmentPlanApi;
import org.tandem.treatmentplan.TreatmentPlanRepository;
import org.tandem.treatmentplan.TreatmentPlanService;
import org.tandem.clinic.Clinic;
import org.tandem.clinic.ClinicRepository;
import org.tandem.common.TandemConfig;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleDetails;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.CoupleStatus;
import org.tandem.couple.Partner;
import org.tandem.disclosure.DisclosureService;
import org.tandem.letter.LetterKind;
import org.tandem.letter.LetterService;
import org.tandem.polygraph.PolygraphKind;
import org.tandem.polygraph.PolygraphService;
import org.tandem.recovery.RecoveryStage;
import org.tandem.recovery.RecoveryStageService;
import org.tandem.screening.ScreeningService;
import org.tandem.couple.PartnerDetails;
import org.tandem.couple.RecoveryRole;
import org.tandem.partner.PartnerAccountRepository;
import org.tandem.measurement.Measurement;
import org.tandem.measurement.MeasurementRepository;
import org.tandem.measurement.Source;
import org.tandem.questionnaire.Instrument;
import org.tandem.questionnaire.InstrumentCatalog;
import org.tandem.questionnaire.QuestionnaireRepository;
import org.tandem.questionnaire.QuestionnaireResponse;
import org.tandem.sobriety.ResetKind;
import org.tandem.sobriety.SobrietyReset;
import org.tandem.sobriety.SobrietyRepository;
import org.tandem.staff.StaffMember;
import org.tandem.staff.StaffRepository;
import org.tandem.therapist.Therapist;
import org.tandem.therapist.TherapistRepository;

/**
 * Demo clinics, therapists and couples (all invented), matching the users of src/main/keycloak/tandem-realm.json.
 * On in dev and test; elsewhere only with {@code TANDEM_DEMO_DATA=true}. Every row has a natural key (clinic key,
 * subject, couple code) that is checked first, so loading twice creates nothing twice.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** Keycloak user ids fixed in the realm file, so therapists exist before their first login. */
    public static final String THERAPIST1_SUBJECT = "11111111-1111-4111-8111-111111111111";
    public static final String THERAPIST2_SUBJECT = "22222222-2222-4222-8222-222222222222";
    public static final String THERAPIST9_SUBJECT = "99999999-9999-4999-8999-999999999999";
    /** The demo couple C-DEMO01's partners' Keycloak users and their accounts, fixed in the realm file. */
    public static final String PARTNER1A_SUBJECT = "b1a1a1a1-1111-4111-8111-111111111111";
    public static final String PARTNER1B_SUBJECT = "b1b1b1b1-1111-4111-8111-111111111111";
    public static final UUID PARTNER1A_ACCOUNT = UUID.fromString("c1a1a1a1-1111-4111-8111-111111111111");
    public static final UUID PARTNER1B_ACCOUNT = UUID.fromString("c1b1b1b1-1111-4111-8111-111111111111");

    private final TandemConfig config;
    private final ClinicRepository clinics;
    private final StaffRepository staff;
    private final TherapistRepository therapists;
    private final CoupleRepository couples;
    private final MeasurementRepository measurements;
    private final QuestionnaireRepository questionnaires;
    private final SobrietyRepository sobriety;
    private final InstrumentCatalog instruments;
    private final PartnerAccountRepository partnerAccounts;
    private final DiagnosisRepository diagnoses;
    private final ConsentRepository consents;
    private final TreatmentPlanService plans;
    private final TreatmentPlanRepository treatmentPlans;
    private final DisclosureService disclosures;
    private final PolygraphService polygraphs;
    private final LetterService letters;
    private final RecoveryStageService stages;
    private final ScreeningService screenings;
    private final java.util.Map<UUID, String> goalsToSeal = new java.util.LinkedHashMap<>();

    void onStart(@Observes StartupEvent event) {
        if (config.demoData()) {
            int created = load();
            LOG.infof("Demo data loaded: %d new records", created);
        }
    }

    /**
     * Creates whatever demo record is missing and returns how many it created. The clinical record comes in a
     * transaction of its own, after the clinics are committed: sealing it creates the clinic's data key in a
     * transaction of its own too, which must see the clinic.
     */
    public int load() {
        int created = QuarkusTransaction.requiringNew().call(this::loadPeopleAndProgress);
        QuarkusTransaction.requiringNew().run(this::sealGoals);
        return created
                + QuarkusTransaction.requiringNew().call(this::loadClinicalRecord)
                + QuarkusTransaction.requiringNew().call(this::loadRecoveryWork);
    }

    int loadPeopleAndProgress() {
        int[] created = {0};
        Clinic demo = clinic("demo-clinic", "Demo Clinic", "Europe/Berlin", created);
        Clinic other = clinic("other-clinic", "Other Clinic", "America/New_York", created);
        Therapist t1 = therapist(demo, THERAPIST1_SUBJECT, "therapist1", "Dana Therapist", created);
        Therapist t2 = therapist(demo, THERAPIST2_SUBJECT, "therapist2", "Sam Counselor", created);
        Therapist t9 = therapist(other, THERAPIST9_SUBJECT, "therapist9", "Robin Elsewhere", created);

        Couple first = couple(demo, "C-DEMO01", t1, List.of(), CoupleStatus.ACTIVE, LocalDate.of(2026, 3, 2),
                partner("Alex Example", "Alex", "he/him", RecoveryRole.IN_RECOVERY, LocalDate.of(2026, 2, 14)),
                partner("Jordan Example", null, "she/her", RecoveryRole.PARTNER, null),
                "Rebuild trust through a weekly transparency check-in; agree a first boundary agreement.", created);
        if (first != null) {
            progress(first);
        }
        couples.find("clinic = ?1 and code = ?2", demo, "C-DEMO01").firstResultOptional().ifPresent(c -> {
            partnerAccount(PARTNER1A_ACCOUNT, c.getPartners().get(0), PARTNER1A_SUBJECT, created);
            partnerAccount(PARTNER1B_ACCOUNT, c.getPartners().get(1), PARTNER1B_SUBJECT, created);
        });
        couple(demo, "C-DEMO02", t1, List.of(t2), CoupleStatus.INTAKE, null,
                partner("Morgan Sample", null, "they/them", RecoveryRole.IN_RECOVERY, LocalDate.of(2026, 10, 1)),
                partner("Casey Sample", null, "she/her", RecoveryRole.PARTNER, null),
                "Complete intake; establish safety and honest communication.", created);
        couple(demo, "C-DEMO03", t2, List.of(), CoupleStatus.ACTIVE, LocalDate.of(2025, 11, 10),
                partner("Riley Placeholder", "Ri", "he/him", RecoveryRole.IN_RECOVERY, LocalDate.of(2025, 9, 20)),
                partner("Quinn Placeholder", null, "he/him", RecoveryRole.PARTNER, null),
                "Healthy coping: exercise and mindfulness routines; renegotiate boundaries at month six.", created);
        couple(demo, "C-DEMO04", t2, List.of(), CoupleStatus.PAUSED, LocalDate.of(2025, 6, 1),
                partner("Taylor Fictional", null, "she/her", RecoveryRole.IN_RECOVERY, LocalDate.of(2025, 5, 1)),
                partner("Avery Fictional", null, "he/him", RecoveryRole.PARTNER, null),
                "Paused at the couple's request; resume with a relapse-prevention review.", created);
        couple(other, "C-OTHER1", t9, List.of(), CoupleStatus.ACTIVE, LocalDate.of(2026, 1, 12),
                partner("Jamie Elsewhere", null, "she/her", RecoveryRole.IN_RECOVERY, LocalDate.of(2025, 12, 24)),
                partner("Drew Elsewhere", null, "he/him", RecoveryRole.PARTNER, null),
                "Honest communication; trust-rebuilding transparency practice.", created);
        return created[0];
    }

    /** The partners' sign-ins of partner1a and partner1b, for a demo database made before partners signed in. */
    private void partnerAccount(UUID id, Partner partner, String subject, int[] created) {
        if (partnerAccounts.findByIdOptional(id).isEmpty()) {
            partnerAccounts.persistActiveDemo(id, partner, subject);
            created[0]++;
        }
    }

    private Clinic clinic(String key, String name, String zone, int[] created) {
        return clinics.findByKey(key).orElseGet(() -> {
            Clinic clinic = new Clinic(key, name, ZoneId.of(zone));
            clinics.persist(clinic);
            created[0]++;
            return clinic;
        });
    }

    private Therapist therapist(Clinic clinic, String subject, String username, String name, int[] created) {
        return therapists.findBySubject(subject).orElseGet(() -> {
            String email = username + "@demo.tandem.invalid";
            StaffMember member = StaffMember.joined(clinic, subject,
                    new StaffMember.Profile(username, name, email, false, true));
            staff.persist(member);
            Therapist therapist = new Therapist(member.getId(), clinic, subject, username, name, email);
            therapists.persist(therapist);
            created[0]++;
            return therapist;
        });
    }

    /**
     * The new couples' treatment goals, sealed once the clinics are committed (sealing makes a clinic's data key in
     * a transaction of its own, which must see the clinic).
     */
    private void sealGoals() {
        goalsToSeal.forEach((id, goals) -> couples.writeGoals(couples.findById(id), goals));
        goalsToSeal.clear();
    }

    /** Creates the couple unless its code exists (its goals are sealed after); returns it when created, else null. */
    private Couple couple(Clinic clinic, String code, Therapist primary, List<Therapist> co, CoupleStatus status,
            LocalDate careStarted, PartnerDetails first, PartnerDetails second, String goals, int[] created) {
        if (couples.codeExists(clinic.getId(), code)) {
            return null;
        }
        Couple couple = new Couple(clinic, code, new CoupleDetails(first, second, careStarted));
        couple.assignTherapists(primary, co);
        if (status == CoupleStatus.ACTIVE || status == CoupleStatus.PAUSED) {
            couple.changeStatus(CoupleStatus.ACTIVE);
        }
        if (status == CoupleStatus.PAUSED) {
            couple.changeStatus(CoupleStatus.PAUSED);
        }
        couples.persist(couple);
        goalsToSeal.put(couple.getId(), goals);
        created[0]++;
        return couple;
    }

    /**
     * Nine months of progress for a new C-DEMO01, so the progress summary has something to show: monthly ratings
     * of trust and communication, PHQ-9 for the partner in recovery (16 falling to 6: recovered), CSI-16 for the
     * other partner (rising across the distress cut-off), and one slip.
     */
    private void progress(Couple couple) {
        couples.flush();
        UUID clinicId = couple.getClinic().getId();
        Partner alex = couple.getPartners().get(0);
        Partner jordan = couple.getPartners().get(1);
        int[] phq9 = {16, 15, 13, 12, 10, 9, 8, 7, 6};
        int[] csi16 = {30, 33, 37, 40, 44, 47, 50, 53, 56};
        for (int month = 0; month < phq9.length; month++) {
            LocalDate day = LocalDate.of(2026, 3, 5).plusMonths(month);
            rating(couple, alex.getId(), "trust", day, 4 + month / 2);
            rating(couple, jordan.getId(), "trust", day, 2 + month / 2);
            rating(couple, null, "communication", day, 3 + month / 2);
            answers(couple, alex.getId(), "phq-9", day, phq9[month]);
            answers(couple, jordan.getId(), "csi-16", day, csi16[month]);
        }
        sobriety.persist(new SobrietyReset(clinicId, alex.getId(), ResetKind.SLIP, LocalDate.of(2026, 6, 20),
                "demo"));
    }

    /**
     * C-DEMO01's clinical record, once: a diagnosis for each partner and a signed treatment plan whose objectives
     * the progress measures (Alex's PHQ-9 below 10, Jordan's CSI-16 above the distress cut-off, trust of 7); and
     * the demo clinic's two consent forms.
     */
    int loadClinicalRecord() {
        int created = 0;
        Clinic demo = clinics.findByKey("demo-clinic").orElseThrow();
        Couple couple = couples.find("clinic = ?1 and code = ?2", demo, "C-DEMO01").firstResult();
        if (couple != null && treatmentPlans.ofCouple(couple.getId()).isEmpty()) {
            clinicalRecord(couple, couple.getPrimaryTherapist());
            created += 3;
        }
        if (consents.templates(demo.getId(), true).isEmpty()) {
            consents.persistDemoTemplate(demo.getId(), ConsentKind.INFORMED_CONSENT,
                    "Informed consent for couples therapy", INFORMED_CONSENT);
            consents.persistDemoTemplate(demo.getId(), ConsentKind.SECRETS_POLICY, "Limited-secrets policy",
                    LIMITED_SECRETS);
            created += 2;
        }
        return created;
    }

    private void clinicalRecord(Couple couple, Therapist therapist) {
        UUID clinicId = couple.getClinic().getId();
        Partner alex = couple.getPartners().get(0);
        Partner jordan = couple.getPartners().get(1);
        diagnoses.persistDemo(clinicId, couple.getId(), alex.getId(), "F52.8", LocalDate.of(2025, 10, 1));
        diagnoses.persistDemo(clinicId, couple.getId(), jordan.getId(), "F43.22", LocalDate.of(2026, 1, 20));
        var objectives = List.of(
                new TreatmentPlanApi.Objective("Alex's depressive symptoms below the clinical range", null,
                        new TreatmentPlanApi.Measure("phq-9", alex.getId(), TreatmentPlanApi.Comparator.BELOW, 10.0)),
                new TreatmentPlanApi.Objective("Jordan's relationship satisfaction out of the distress range", null,
                        new TreatmentPlanApi.Measure("csi-16", jordan.getId(), TreatmentPlanApi.Comparator.ABOVE,
                                51.5)),
                new TreatmentPlanApi.Objective("Jordan rates trust 7 or more", LocalDate.of(2027, 3, 1),
                        new TreatmentPlanApi.Measure("trust", jordan.getId(), TreatmentPlanApi.Comparator.AT_LEAST,
                                7.0)));
        plans.demo(couple, therapist.getId(), List.of(new TreatmentPlanApi.Problem("Trust broken after discovery",
                List.of(new TreatmentPlanApi.Goal("Rebuild trust through honesty kept over time",
                        LocalDate.of(2027, 3, 1), objectives, List.of(new TreatmentPlanApi.Intervention(
                                "Weekly transparency check-in, reviewed in session", null)))))),
                LocalDate.of(2027, 1, 15));
    }

    /**
     * C-DEMO01's recovery work, once, so the trust timeline has a story to show: both partners screened at intake,
     * discovery in February, the disclosure in April (its document since destroyed) verified by polygraph, the
     * impact and restitution letters read in session, each partner's stages, and maintenance polygraphs every six
     * months.
     */
    int loadRecoveryWork() {
        Clinic demo = clinics.findByKey("demo-clinic").orElseThrow();
        Couple couple = couples.find("clinic = ?1 and code = ?2", demo, "C-DEMO01").firstResult();
        if (couple == null) {
            return 0;
        }
        UUID clinicId = demo.getId();
        Partner alex = couple.getPartners().get(0);
        Partner jordan = couple.getPartners().get(1);
        if (!disclosures.demo(clinicId, couple.getId(), alex.getId(), jordan.getId(), LocalDate.of(2026, 2, 10),
                LocalDate.of(2026, 4, 20))) {
            return 0;
        }
        screenings.demo(clinicId, couple.getId(), alex.getId(), LocalDate.of(2026, 3, 2));
        screenings.demo(clinicId, couple.getId(), jordan.getId(), LocalDate.of(2026, 3, 2));
        polygraphs.demo(clinicId, couple.getId(), alex.getId(), null, PolygraphKind.DISCLOSURE,
                LocalDate.of(2026, 4, 21), List.of("Have you disclosed every sexual contact outside the"
                        + " relationship since 2019?", "Have you had contact with any affair partner since the"
                        + " disclosure?"), 6);
        polygraphs.demo(clinicId, couple.getId(), alex.getId(), null, PolygraphKind.MAINTENANCE,
                LocalDate.of(2026, 10, 26), List.of("Since April, have you had sexual contact with anyone other"
                        + " than Jordan?"), null);
        letters.demo(clinicId, couple.getId(), jordan.getId(), LetterKind.IMPACT, "When I found the messages the"
                + " ground went out from under me. (demo)", LocalDate.of(2026, 5, 18));
        letters.demo(clinicId, couple.getId(), alex.getId(), LetterKind.RESTITUTION, "I understand now that you"
                + " were alone with it for months. (demo)", LocalDate.of(2026, 6, 29));
        stages.demo(jordan, RecoveryStage.SAFETY_AND_STABILISATION, LocalDate.of(2026, 3, 2));
        stages.demo(jordan, RecoveryStage.REMEMBRANCE_AND_MOURNING, LocalDate.of(2026, 5, 18));
        stages.demo(alex, RecoveryStage.CRISIS_AND_DECISION, LocalDate.of(2026, 3, 2));
        stages.demo(alex, RecoveryStage.REPAIR, LocalDate.of(2026, 7, 6));
        return 12;
    }

    private static final String INFORMED_CONSENT = "We agree to take part in couples therapy at Demo Clinic. We"
            + " understand what therapy involves, its benefits and risks, how our information is kept and shared,"
            + " the limits of confidentiality (risk of harm to self or others, abuse of a child or a vulnerable"
            + " adult, a court order), and that either of us may end therapy at any time.";
    private static final String LIMITED_SECRETS = "What one of us tells the therapist alone is not brought into"
            + " joint sessions without consent, unless keeping it would undermine the couple's work, such as an"
            + " ongoing affair; then the therapist helps the partner who told it to disclose it, within a time"
            + " agreed with the therapist.";

    private void rating(Couple couple, UUID partnerId, String metric, LocalDate day, int value) {
        measurements.persist(new Measurement(couple.getClinic().getId(), couple.getId(), partnerId, metric, day,
                BigDecimal.valueOf(value).setScale(2), Source.THERAPIST, false, "demo"));
    }

    /** Answers that score {@code total}: each item filled in turn, reversed items answered from the other end. */
    private void answers(Couple couple, UUID partnerId, String key, LocalDate day, int total) {
        Instrument instrument = instruments.find(key).orElseThrow();
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int n = 1; n <= instrument.items().size(); n++) {
            Instrument.Item item = instrument.items().get(n - 1);
            int points = Math.min(item.max() - item.min(), left);
            left -= points;
            answers.add(instrument.reversed().contains(n) ? item.max() - points : item.min() + points);
        }
        questionnaires.persist(new QuestionnaireResponse(couple.getClinic().getId(), couple.getId(), partnerId, key,
                day, answers, Source.SELF_REPORT, true, "demo"));
    }

    /** A demo partner, with an address of their own (alex@demo.tandem.invalid) so ./mvnw's GreenMail shows mail. */
    private static PartnerDetails partner(String name, String preferred, String pronouns, RecoveryRole role,
            LocalDate sobriety) {
        String email = name.split(" ")[0].toLowerCase(java.util.Locale.ROOT) + "@demo.tandem.invalid";
        return new PartnerDetails(name, preferred, pronouns, null, email, null, role, sobriety);
    }
}
