package org.tandem.measurement;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.hibernate.annotations.UuidGenerator;
import org.tandem.common.Markable;

/**
 * What a rating and a questionnaire response have in common: whose it is, who produced it, whether the other
 * partner's app may see it, and the mark that it was recorded by mistake ({@link Markable}). A private observation
 * is seen by clinicians and by the partner it belongs to only.
 */
@MappedSuperclass
@Getter
public abstract class Observation extends Markable {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private UUID clinicId;

    @Column(name = "couple_id", nullable = false, updatable = false)
    private UUID coupleId;

    @Column(name = "partner_id", updatable = false)
    private UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Source source;

    /** Changes only when the partner it is about shares it or takes it back ({@link #share}). */
    @Column(name = "is_private", nullable = false)
    private boolean privateToPartner;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 255)
    @Getter(AccessLevel.NONE)
    private String recordedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Observation() {
    }

    /**
     * The partner it is about shares it with the other partner, or makes it private again; the feature checks that
     * the caller is that partner. A couple's observation is never private.
     */
    public void share(boolean shared) {
        this.privateToPartner = partnerId != null && !shared;
    }

    /** A couple's observation (no partner) belongs to both partners: there is nobody to hide it from. */
    protected Observation(UUID clinicId, UUID coupleId, UUID partnerId, Source source, boolean privateToPartner,
            String recordedBy) {
        this.clinicId = clinicId;
        this.coupleId = coupleId;
        this.partnerId = partnerId;
        this.source = source;
        this.privateToPartner = partnerId != null && privateToPartner;
        this.recordedBy = recordedBy;
        this.createdAt = Instant.now();
    }

    /** The Keycloak subject of whoever recorded it: a therapist, or an integration's service account. */
    public String getRecordedBy() {
        return recordedBy;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id + "]";
    }
}
