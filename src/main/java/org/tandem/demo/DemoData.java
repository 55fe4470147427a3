package org.tandem.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.logging.Logger;
import org.tandem.clinic.Clinic;
import org.tandem.clinic.ClinicRepository;
import org.tandem.common.TandemConfig;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleDetails;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.CoupleStatus;
import org.tandem.couple.PartnerDetails;
import org.tandem.couple.RecoveryRole;
import org.tandem.therapist.Therapist;
import org.tandem.therapist.TherapistRepository;

/**
 * Demo clinics, therapists and couples (all invented), matching the users of src/main/keycloak/tandem-realm.json.
 * On in dev and test; elsewhere only with {@code TANDEM_DEMO_DATA=true}. Every row has a natural key (clinic key,
 * subject, couple code) that is checked first, so loading twice creates nothing twice.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** Keycloak user ids fixed in the realm file, so therapists exist before their first login. */
    public static final String THERAPIST1_SUBJECT = "11111111-1111-4111-8111-111111111111";
    public static final String THERAPIST2_SUBJECT = "22222222-2222-4222-8222-222222222222";
    public static final String THERAPIST9_SUBJECT = "99999999-9999-4999-8999-999999999999";

    private final TandemConfig config;
    private final ClinicRepository clinics;
    private final TherapistRepository therapists;
    private final CoupleRepository couples;

    DemoData(TandemConfig config, ClinicRepository clinics, TherapistRepository therapists, CoupleRepository couples) {
        this.config = config;
        this.clinics = clinics;
        this.therapists = therapists;
        this.couples = couples;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.demoData()) {
            int created = load();
            LOG.infof("Demo data loaded: %d new records", created);
        }
    }

    /** Creates whatever demo record is missing and returns how many it created. */
    @Transactional
    public int load() {
        int[] created = {0};
        Clinic demo = clinic("demo-clinic", "Demo Clinic", "Europe/Berlin", created);
        Clinic other = clinic("other-clinic", "Other Clinic", "America/New_York", created);
        Therapist t1 = therapist(demo, THERAPIST1_SUBJECT, "therapist1", "Dana Therapist", created);
        Therapist t2 = therapist(demo, THERAPIST2_SUBJECT, "therapist2", "Sam Counselor", created);
        Therapist t9 = therapist(other, THERAPIST9_SUBJECT, "therapist9", "Robin Elsewhere", created);

        couple(demo, "C-DEMO01", t1, List.of(), CoupleStatus.ACTIVE, LocalDate.of(2026, 3, 2),
                partner("Alex Example", "Alex", "he/him", RecoveryRole.IN_RECOVERY, LocalDate.of(2026, 2, 14)),
                partner("Jordan Example", null, "she/her", RecoveryRole.PARTNER, null),
                "Rebuild trust through a weekly transparency check-in; agree a first boundary agreement.", created);
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
            Therapist therapist = new Therapist(clinic, subject, username, name, username + "@demo.tandem.invalid");
            therapists.persist(therapist);
            created[0]++;
            return therapist;
        });
    }

    private void couple(Clinic clinic, String code, Therapist primary, List<Therapist> co, CoupleStatus status,
            LocalDate careStarted, PartnerDetails first, PartnerDetails second, String goals, int[] created) {
        if (couples.codeExists(clinic.getId(), code)) {
            return;
        }
        Couple couple = new Couple(clinic, code, new CoupleDetails(first, second, careStarted, goals));
        couple.assignTherapists(primary, co);
        if (status == CoupleStatus.ACTIVE || status == CoupleStatus.PAUSED) {
            couple.changeStatus(CoupleStatus.ACTIVE);
        }
        if (status == CoupleStatus.PAUSED) {
            couple.changeStatus(CoupleStatus.PAUSED);
        }
        couples.persist(couple);
        created[0]++;
    }

    private static PartnerDetails partner(String name, String preferred, String pronouns, RecoveryRole role,
            LocalDate sobriety) {
        return new PartnerDetails(name, preferred, pronouns, null, null, null, role, sobriety);
    }
}
