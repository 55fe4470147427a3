package org.tandem.therapist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.Getter;
import org.tandem.clinic.Clinic;

/** A clinician of one clinic, linked to a Keycloak subject ({@code sub}). */
@Entity
@Table(name = "therapist")
@Getter
public class Therapist {

    /** The person's staff id (StaffMember): one id per person. */
    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "clinic_id", nullable = false, updatable = false)
    private Clinic clinic;

    @Column(nullable = false, updatable = false, length = 255)
    private String subject;

    @Column(length = 255)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 320)
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Therapist() {
    }

    public Therapist(UUID id, Clinic clinic, String subject, String username, String displayName, String email) {
        this.id = id;
        this.clinic = clinic;
        this.subject = subject;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.createdAt = Instant.now();
    }

    /** Keeps the directory current with the identity provider, which owns these fields. */
    public void refreshProfile(String username, String displayName, String email) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
    }

    @Override
    public String toString() {
        return "Therapist[id=" + id + "]";
    }
}
