package org.tandem.scheduling;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Tracked;
import org.tandem.common.Conflict;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tandem.clinic.Clinic;
import org.tandem.couple.Couple;
import org.tandem.couple.Partner;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.crypto.SealedText;
import org.tandem.therapist.Therapist;

/** An appointment: a couple (or one partner) with a therapist, from start to end (UTC). */
@Entity
@Table(name = "therapy_session")
@Getter
public class TherapySession extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "clinic_id", nullable = false, updatable = false)
    private Clinic clinic;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "couple_id", nullable = false, updatable = false)
    private Couple couple;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "therapist_id", nullable = false, updatable = false)
    private Therapist therapist;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "partner_id", updatable = false)
    private Partner partner;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "series_id")
    private SessionSeries series;

    @Column(name = "series_index")
    private Integer seriesIndex;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private SessionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Modality modality;

    @Column(length = 200)
    private String location;

    @Column(name = "video_link", length = 500)
    private String videoLink;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SessionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by", length = 16)
    private CancelledBy cancelledBy;

    /** A reason written before reasons were sealed, until crypto.PlaintextSealing seals it; never written now. */
    @Getter(AccessLevel.NONE)
    @Column(name = "cancel_reason", length = 500, insertable = false, updatable = false)
    private String cancelReason;

    @Getter(AccessLevel.NONE)
    @Embedded
    @AttributeOverride(name = "keyId", column = @Column(name = "cancel_reason_key_id"))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "cancel_reason_ciphertext"))
    private SealedText sealedCancelReason;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "late_cancellation", nullable = false)
    private boolean lateCancellation;

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL)
    @OrderBy("changedAt")
    private List<SessionReschedule> reschedules = new ArrayList<>();

    protected TherapySession() {
    }

    TherapySession(Clinic clinic, Couple couple, Therapist therapist, Partner partner, SessionSlot slot,
            SessionKind kind, Modality modality, String location, String videoLink) {
        this.clinic = clinic;
        this.couple = couple;
        this.therapist = therapist;
        this.partner = partner;
        this.startsAt = slot.start();
        this.endsAt = slot.end();
        this.kind = kind;
        this.modality = modality;
        this.location = location;
        this.videoLink = videoLink;
        this.status = SessionStatus.SCHEDULED;
    }

    /** Places the session in a series; a split moves following occurrences into the new series. */
    void belongTo(SessionSeries series, int index) {
        this.series = series;
        this.seriesIndex = index;
    }

    public SessionSlot slot() {
        return new SessionSlot(startsAt, endsAt);
    }

    /** Moves the session, keeping where it was in its history. Only a scheduled session moves. */
    void reschedule(SessionSlot to, String changedBy) {
        requireScheduled("rescheduled");
        reschedules.add(new SessionReschedule(this, slot(), to, changedBy));
        this.startsAt = to.start();
        this.endsAt = to.end();
        touch();
    }

    void complete(Instant now) {
        requireScheduled("completed");
        requireStarted(now, "completed");
        this.status = SessionStatus.COMPLETED;
        touch();
    }

    void markNoShow(Instant now) {
        requireScheduled("marked as a no-show");
        requireStarted(now, "marked as a no-show");
        this.status = SessionStatus.NO_SHOW;
        touch();
    }

    /** Cancels; inside the clinic's late-cancel window before the start, the cancellation is flagged late. */
    void cancel(CancelledBy by, String reason, ClinicCipher.Sealer sealer, Instant now, Duration lateWindow) {
        requireScheduled("cancelled");
        this.status = SessionStatus.CANCELLED;
        this.cancelledBy = by;
        this.sealedCancelReason = reason == null ? null
                : SealedText.of(sealer.seal(SealedColumn.SESSION_CANCEL_REASON.purpose(), getId(), reason));
        this.cancelledAt = now;
        this.lateCancellation = now.isBefore(startsAt) && Duration.between(now, startsAt).compareTo(lateWindow) < 0;
        touch();
    }

    /** Why it was cancelled: opened from its ciphertext, or as written before reasons were sealed. */
    String cancelReason(ClinicCipher cipher) {
        return cancelReason(cipher, getId(), sealedCancelReason, cancelReason);
    }

    /** The same, from a read of the columns alone. */
    static String cancelReason(ClinicCipher cipher, UUID id, SealedText sealed, String legacy) {
        return SealedColumn.SESSION_CANCEL_REASON.open(cipher, sealed, id, legacy);
    }

    private void requireScheduled(String change) {
        if (status != SessionStatus.SCHEDULED) {
            throw new Conflict("invalid-session-transition", "Invalid Session Transition",
                    "A " + status + " session cannot be " + change + "; only a SCHEDULED one can.");
        }
    }

    private void requireStarted(Instant now, String change) {
        if (now.isBefore(startsAt)) {
            throw new Conflict("invalid-session-transition", "Invalid Session Transition",
                    "A session cannot be " + change + " before it starts.");
        }
    }

    @Override
    public String toString() {
        return "TherapySession[id=" + getId() + ", status=" + status + "]";
    }
}
