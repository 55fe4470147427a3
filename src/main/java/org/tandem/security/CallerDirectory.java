package org.tandem.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import org.tandem.clinic.Clinic;
import org.tandem.clinic.ClinicRepository;
import org.tandem.common.TandemConfig;
import org.tandem.therapist.Therapist;
import org.tandem.therapist.TherapistRepository;

/**
 * Finds, and on a caller's first request creates, the clinic and therapist rows behind a token. Runs in its own
 * transaction so a clash with a concurrent first request (unique keys) can be retried by re-reading.
 */
@ApplicationScoped
public class CallerDirectory {

    /** Ids of the caller's records; {@code therapistId} is null for callers without the therapist role. */
    public record Resolved(UUID clinicId, UUID therapistId) {
    }

    private final ClinicRepository clinics;
    private final TherapistRepository therapists;
    private final TandemConfig config;

    CallerDirectory(ClinicRepository clinics, TherapistRepository therapists, TandemConfig config) {
        this.clinics = clinics;
        this.therapists = therapists;
        this.config = config;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Resolved resolve(String clinicKey, String subject, boolean therapist, Profile profile) {
        Clinic clinic = clinics.findByKey(clinicKey).orElseGet(() -> {
            Clinic created = new Clinic(clinicKey, clinicKey, ZoneId.of(config.defaultClinicZone()));
            clinics.persist(created);
            clinics.flush(); // surface a clash with a concurrent first request here, where the caller retries
            return created;
        });
        if (!therapist) {
            return new Resolved(clinic.getId(), null);
        }
        Therapist found = therapists.findBySubject(subject).orElse(null);
        if (found == null) {
            found = new Therapist(clinic, subject, profile.username(), profile.displayName(), profile.email());
            therapists.persist(found);
            therapists.flush();
        } else if (!found.getClinic().getId().equals(clinic.getId())) {
            // The identity provider moved this person to another clinic: never carry their access across.
            throw new ClinicMismatchException();
        } else if (!Objects.equals(found.getDisplayName(), profile.displayName())
                || !Objects.equals(found.getEmail(), profile.email())
                || !Objects.equals(found.getUsername(), profile.username())) {
            found.refreshProfile(profile.username(), profile.displayName(), profile.email());
        }
        return new Resolved(clinic.getId(), found.getId());
    }

    /** What the token says about the person, kept current in the therapist directory. */
    public record Profile(String username, String displayName, String email) {
    }

    /** A therapist record exists for this subject in another clinic than the token names. */
    public static class ClinicMismatchException extends RuntimeException {
        ClinicMismatchException() {
            super("therapist subject belongs to another clinic", null, false, false);
        }
    }
}
