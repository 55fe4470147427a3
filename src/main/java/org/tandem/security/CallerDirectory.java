package org.tandem.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.clinic.Clinic;
import org.tandem.clinic.ClinicRepository;
import org.tandem.common.TandemConfig;
import org.tandem.staff.StaffMember;
import org.tandem.staff.StaffRepository;
import org.tandem.therapist.Therapist;
import org.tandem.therapist.TherapistRepository;

/**
 * Finds, and on a caller's first request creates, the clinic, staff and therapist rows behind a token, and refuses a
 * deactivated person. Runs in its own transaction so a clash with a concurrent first request (unique keys) can be
 * retried by re-reading.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class CallerDirectory {

    /**
     * Ids of the caller's records; {@code therapistId} is null for callers without the therapist role, {@code partner}
     * for callers who are not a partner.
     */
    public record Resolved(UUID clinicId, UUID therapistId, PartnerBindings.Bound partner) {

        Resolved(UUID clinicId, UUID therapistId) {
            this(clinicId, therapistId, null);
        }
    }

    private final ClinicRepository clinics;
    private final StaffRepository staff;
    private final TherapistRepository therapists;
    private final TandemConfig config;

    /**
     * @param profile what the token says about the person; a caller with neither the admin nor the therapist role
     *                (an integration) has no staff record
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Resolved resolve(String clinicKey, String subject, StaffMember.Profile profile) {
        Clinic clinic = clinics.findByKey(clinicKey).orElseGet(() -> {
            Clinic created = new Clinic(clinicKey, clinicKey, ZoneId.of(config.defaultClinicZone()));
            clinics.persist(created);
            clinics.flush(); // surface a clash with a concurrent first request here, where the caller retries
            return created;
        });
        if (!profile.admin() && !profile.therapist()) {
            return new Resolved(clinic.getId(), null);
        }
        StaffMember member = staff.findBySubject(subject).orElse(null);
        if (member == null) {
            member = StaffMember.joined(clinic, subject, profile);
            staff.persist(member);
            staff.flush();
        } else if (!member.getClinic().getId().equals(clinic.getId())) {
            // The identity provider moved this person to another clinic: never carry their access across.
            throw new ClinicMismatchException();
        } else if (member.isDeactivated()) {
            throw new DeactivatedException();
        } else {
            if (member.differsFrom(profile)) {
                member.refresh(profile);
            }
            member.markJoined();
        }
        if (!profile.therapist()) {
            return new Resolved(clinic.getId(), null);
        }
        Therapist found = therapists.findByIdOptional(member.getId()).orElse(null);
        if (found == null) {
            // One id per person: the therapist record takes the staff record's id.
            found = new Therapist(member.getId(), clinic, subject, profile.username(), profile.displayName(),
                    profile.email());
            therapists.persist(found);
            therapists.flush();
        } else if (!Objects.equals(found.getDisplayName(), profile.displayName())
                || !Objects.equals(found.getEmail(), profile.email())
                || !Objects.equals(found.getUsername(), profile.username())) {
            found.refreshProfile(profile.username(), profile.displayName(), profile.email());
        }
        return new Resolved(clinic.getId(), found.getId());
    }

    /** A staff record exists for this subject in another clinic than the token names. */
    public static class ClinicMismatchException extends RuntimeException {
        ClinicMismatchException() {
            super("staff subject belongs to another clinic", null, false, false);
        }
    }

    /** An admin deactivated this person: none of their requests is served. */
    public static class DeactivatedException extends RuntimeException {
        DeactivatedException() {
            super("staff member is deactivated", null, false, false);
        }
    }
}
