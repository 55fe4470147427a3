package org.tandem.couple;

import lombok.Getter;
import org.tandem.common.persistence.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A person in a couple. Seat 1 or 2 keeps the partner's id stable across edits, so sessions and measurements that
 * point at a partner keep pointing at the same person.
 */
@Entity
@Table(name = "partner")
@Getter
public class Partner extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "couple_id", nullable = false, updatable = false)
    private Couple couple;

    @Column(nullable = false, updatable = false)
    private int seat;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "preferred_name", length = 100)
    private String preferredName;

    @Column(length = 40)
    private String pronouns;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    @Column(length = 320)
    private String email;

    @Column(length = 40)
    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "recovery_role", length = 16)
    private RecoveryRole recoveryRole;

    @Column(name = "sobriety_date")
    private LocalDate sobrietyDate;

    protected Partner() {
    }

    Partner(Couple couple, int seat, PartnerDetails details) {
        this.couple = couple;
        this.seat = seat;
        apply(details);
    }

    final void apply(PartnerDetails d) {
        this.fullName = d.fullName();
        this.preferredName = d.preferredName();
        this.pronouns = d.pronouns();
        this.dateOfBirth = d.dateOfBirth();
        this.email = d.email();
        this.phone = d.phone();
        this.recoveryRole = d.recoveryRole();
        this.sobrietyDate = d.sobrietyDate();
    }

    @Override
    public String toString() {
        return "Partner[id=" + getId() + ", seat=" + seat + "]";
    }
}
