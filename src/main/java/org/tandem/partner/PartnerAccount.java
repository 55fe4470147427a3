package org.tandem.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tandem.common.Conflict;
import org.tandem.couple.Partner;

/**
 * A partner's own sign-in: one Keycloak user bound to exactly one partner record. The id is chosen here, before the
 * Keycloak user exists, because the user carries it (attribute {@code partner_account}, a token claim).
 */
@Entity
@Table(name = "partner_account")
@Getter
public class PartnerAccount {

    @Id
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "partner_id", nullable = false, updatable = false)
    private Partner partner;

    @Column(nullable = false, length = 255)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PartnerAccountStatus status;

    @Column(name = "activation_hash", length = 32)
    @JdbcTypeCode(SqlTypes.BINARY)
    @Getter(AccessLevel.NONE)
    private byte[] activationHash;

    @Column(name = "activation_expires_at")
    private Instant activationExpiresAt;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "invited_by", nullable = false, length = 255)
    @Getter(AccessLevel.NONE)
    private String invitedBy;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Version
    @Column(nullable = false)
    private long version;

    protected PartnerAccount() {
    }

    PartnerAccount(UUID id, UUID clinicId, Partner partner, String subject, ActivationCode code, String invitedBy) {
        this.id = id;
        this.clinicId = clinicId;
        this.partner = partner;
        this.subject = subject;
        invite(code, invitedBy);
    }

    /** A demo account, active from the start (its Keycloak user has a password in the realm file). */
    static PartnerAccount active(UUID id, UUID clinicId, Partner partner, String subject) {
        PartnerAccount account = new PartnerAccount();
        account.id = id;
        account.clinicId = clinicId;
        account.partner = partner;
        account.subject = subject;
        account.status = PartnerAccountStatus.ACTIVE;
        account.invitedAt = account.createdAt;
        account.invitedBy = "demo-data";
        account.activatedAt = account.createdAt;
        return account;
    }

    /** A new invitation: a fresh one-time code replaces any earlier one; a revoked account is invited again. */
    void invite(ActivationCode code, String by) {
        if (status == PartnerAccountStatus.ACTIVE) {
            throw new Conflict("account-active", "Account Active", "The partner has activated their account already.");
        }
        this.status = PartnerAccountStatus.INVITED;
        this.activationHash = code.hash();
        this.activationExpiresAt = code.expiresAt();
        this.invitedAt = Instant.now();
        this.invitedBy = by;
        this.revokedAt = null;
    }

    /** Since when tokens count: the activation of an active account, the invitation of an invited one. */
    Instant validSince() {
        return status == PartnerAccountStatus.ACTIVE ? activatedAt : invitedAt;
    }

    /** Whether this invitation's code is still good at {@code now}. */
    boolean activatable(Instant now) {
        return status == PartnerAccountStatus.INVITED && activationHash != null && now.isBefore(activationExpiresAt);
    }

    /** The code was used: it never works again. */
    void activate() {
        this.status = PartnerAccountStatus.ACTIVE;
        this.activationHash = null;
        this.activationExpiresAt = null;
        this.activatedAt = Instant.now();
    }

    /** No request of this account is served from now on, and an open invitation's code stops working. */
    boolean revoke() {
        if (status == PartnerAccountStatus.REVOKED) {
            return false;
        }
        this.status = PartnerAccountStatus.REVOKED;
        this.activationHash = null;
        this.activationExpiresAt = null;
        this.revokedAt = Instant.now();
        return true;
    }

    @Override
    public String toString() {
        return "PartnerAccount[id=" + id + ", status=" + status + "]";
    }
}
