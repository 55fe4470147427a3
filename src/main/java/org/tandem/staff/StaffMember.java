package org.tandem.staff;

import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.common.persistence.Versioned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tandem.clinic.Clinic;
import org.tandem.security.Roles;

/**
 * A person of a clinic's staff (therapist, admin or both), linked to their Keycloak account by its subject. The
 * identity provider owns name, email and roles (refreshed from each new token); Tandem owns whether the person may
 * still act here. A therapist's staff id is also their therapist id.
 */
@Entity
@Table(name = "staff_member")
@Getter
public class StaffMember extends Versioned {

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

    @Column(name = "is_admin", nullable = false)
    private boolean admin;

    @Column(name = "is_therapist", nullable = false)
    private boolean therapist;

    @Column(name = "invited_at", updatable = false)
    private Instant invitedAt;

    @Column(name = "invited_by", updatable = false, length = 255)
    @Getter(AccessLevel.NONE)
    private String invitedBy;

    @Column(name = "joined_at")
    private Instant joinedAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    protected StaffMember() {
    }

    private StaffMember(Clinic clinic, String subject, Profile profile) {
        this.clinic = clinic;
        this.subject = subject;
        refresh(profile);
    }

    /** Someone already in the identity provider, on their first call. */
    public static StaffMember joined(Clinic clinic, String subject, Profile profile) {
        StaffMember member = new StaffMember(clinic, subject, profile);
        member.joinedAt = member.getCreatedAt();
        return member;
    }

    /** Someone an admin invited: their account exists, their first sign-in is still to come. */
    static StaffMember invited(Clinic clinic, String subject, Profile profile, String invitedBy) {
        StaffMember member = new StaffMember(clinic, subject, profile);
        member.invitedAt = member.getCreatedAt();
        member.invitedBy = invitedBy;
        return member;
    }

    /** What a token says about the person and their roles; the identity provider owns these. */
    public record Profile(String username, String displayName, String email, boolean admin, boolean therapist) {
    }

    /** Keeps name, email and roles current with the token; the first call of an invited person marks them joined. */
    public void refresh(Profile profile) {
        this.username = profile.username();
        this.displayName = profile.displayName();
        this.email = profile.email();
        this.admin = profile.admin();
        this.therapist = profile.therapist();
    }

    public boolean differsFrom(Profile profile) {
        return !profile.equals(new Profile(username, displayName, email, admin, therapist));
    }

    public void markJoined() {
        if (joinedAt == null) {
            joinedAt = Instant.now();
        }
    }

    /** @return whether this changed anything (deactivating twice keeps the first time) */
    boolean deactivate() {
        if (deactivatedAt != null) {
            return false;
        }
        deactivatedAt = Instant.now();
        return true;
    }

    /** @return whether this changed anything */
    boolean reactivate() {
        if (deactivatedAt == null) {
            return false;
        }
        deactivatedAt = null;
        return true;
    }

    /** The realm roles, sorted: as the last token carried them, or as invited. */
    public List<String> roles() {
        List<String> roles = new ArrayList<>(2);
        if (admin) {
            roles.add(Roles.ADMIN);
        }
        if (therapist) {
            roles.add(Roles.THERAPIST);
        }
        return roles;
    }

    public boolean isDeactivated() {
        return deactivatedAt != null;
    }

    public StaffStatus status() {
        if (deactivatedAt != null) {
            return StaffStatus.DEACTIVATED;
        }
        return joinedAt == null ? StaffStatus.INVITED : StaffStatus.ACTIVE;
    }

    @Override
    public String toString() {
        return "StaffMember[id=" + getId() + "]";
    }
}
