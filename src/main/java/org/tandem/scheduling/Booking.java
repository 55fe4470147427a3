package org.tandem.scheduling;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.persistence.LockOrder;
import org.tandem.common.web.Problems;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.CoupleStatus;
import org.tandem.couple.Partner;
import org.tandem.security.AccessPolicy;
import org.tandem.security.AccessScope;
import org.tandem.therapist.Therapist;
import org.tandem.therapist.TherapistRepository;

/**
 * The rules every booking obeys, whether a single session, a series or a reschedule: who may be booked together,
 * how long a session lasts, and that nobody is booked twice at the same time. The last rule holds under concurrent
 * requests because a booking first locks the therapist's and the couple's rows ({@link #lock}).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Booking {

    static final Duration MAX_LENGTH = Duration.ofHours(8);

    /** The people a session is for. {@code partner} is set only for individual sessions. */
    public record Participants(Couple couple, Therapist therapist, Partner partner, SessionKind kind) {
    }

    private final SessionRepository sessions;
    private final TherapistRepository therapists;
    private final CoupleRepository couples;
    private final LockOrder locks;
    private final AccessPolicy access;
    private final JointSessionHold hold;

    /** The therapist a booking is for. Therapists book themselves; admins name any therapist of their clinic. */
    Therapist bookedTherapist(AccessScope scope, UUID requested) {
        UUID therapist = access.therapistFor(scope, requested, "therapistId");
        if (therapist == null) {
            throw Problems.invalid("therapistId", "body", "is required when an admin books a session");
        }
        return therapists.findActiveInClinic(scope.clinicId(), therapist)
                .orElseThrow(() -> Problems.invalid("therapistId", "body", "is not an active therapist of your clinic"));
    }

    /**
     * Who a new booking is for, from the request's ids: a couple the caller may see (else 404), the therapist
     * ({@link #bookedTherapist}), and the partner when the kind needs one.
     */
    public Participants participantsFor(AccessScope scope, UUID coupleId, UUID therapistId, SessionKind kind,
            UUID partnerId) {
        Couple couple = couples.requireVisible(scope, coupleId);
        Participants who = participants(couple, bookedTherapist(scope, therapistId), kind, partnerId);
        if (kind != null && hold.onHold(coupleId, kind)) {
            throw onHold();
        }
        return who;
    }

    /** Checks who is booked with whom. {@code therapist} must already be of the couple's clinic. */
    Participants participants(Couple couple, Therapist therapist, SessionKind kind, UUID partnerId) {
        if (couple.getStatus() == CoupleStatus.DISCHARGED) {
            throw discharged();
        }
        if (!couple.isTreatedBy(therapist.getId())) {
            throw Problems.invalid("therapistId", "body", "is not assigned to this couple");
        }
        if (kind.wholeCouple()) {
            if (partnerId != null) {
                throw Problems.invalid("partnerId", "body", "is only for INDIVIDUAL sessions");
            }
            return new Participants(couple, therapist, null, kind);
        }
        if (partnerId == null) {
            throw Problems.invalid("partnerId", "body", "is required for an INDIVIDUAL session");
        }
        Partner partner = couple.findPartner(partnerId).orElseThrow(() -> Problems.invalid("partnerId", "body", "is not a partner of this couple"));
        return new Participants(couple, therapist, partner, kind);
    }

    public static void checkLength(SessionSlot slot, String endField) {
        if (!slot.end().isAfter(slot.start())) {
            throw Problems.invalid(endField, "body", "must be after the start");
        }
        if (slot.length().compareTo(MAX_LENGTH) > 0) {
            throw Problems.invalid(endField, "body", "a session lasts at most 8 hours");
        }
    }

    /** Waits for every other booking of this therapist or this couple to finish. Call before {@link #clash}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Participants who) {
        locks.therapistsThenCouple(List.of(who.therapist().getId()), who.couple().getId());
        // Checked again under the lock: a discharge that committed since the couple was read has cancelled their
        // future sessions (DischargeCancellation), and this booking must not add one back.
        if (couples.currentStatus(who.couple().getId()) == CoupleStatus.DISCHARGED) {
            throw discharged();
        }
    }

    /**
     * Neutral words, the same for both reasons: whoever books learns that joint work waits for a therapist, not
     * whether a screening is missing or what one found.
     */
    static HttpProblem onHold() {
        return Problems.conflict("joint-sessions-on-hold", "Joint Sessions On Hold",
                "This couple's joint sessions are on hold until a therapist has completed the safety screening.");
    }

    private static HttpProblem discharged() {
        return Problems.conflict("couple-discharged", "Couple Discharged",
                "A discharged couple cannot be scheduled; move them back to INTAKE first.");
    }

    /** The session the slot would collide with, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TherapySession> clash(Participants who, SessionSlot slot, UUID excludeSessionId) {
        return sessions.firstClash(slot, who.therapist().getId(), who.couple().getId(),
                who.partner() == null ? null : who.partner().getId(), excludeSessionId);
    }

    /** Refuses the slot with 409 naming the conflicting session, if anyone would be double-booked. */
    public void requireFree(Participants who, SessionSlot slot, UUID excludeSessionId) {
        clash(who, slot, excludeSessionId).ifPresent(other -> {
            throw conflict(who, other);
        });
    }

    static HttpProblem conflict(Participants who, TherapySession other) {
        String detail = other.getTherapist().getId().equals(who.therapist().getId())
                ? "The therapist already has a session at that time."
                : other.getCouple().getId().equals(who.couple().getId())
                        ? "A partner already has a session at that time."
                        : "The therapist is the second therapist of a disclosure session at that time.";
        return HttpProblem.builder()
                .withType(Problems.type("schedule-conflict"))
                .withStatus(409)
                .withTitle("Schedule Conflict")
                .withDetail(detail)
                .with("conflictingSessionId", other.getId())
                .build();
    }
}
