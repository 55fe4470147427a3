package org.tandem.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.Problems;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleDischarging;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.CoupleStatus;
import org.tandem.couple.Partner;
import org.tandem.partner.PartnerApi.AccountResponse;
import org.tandem.partner.PartnerApi.ActivationRequest;
import org.tandem.partner.PartnerApi.ActivationResponse;
import org.tandem.partner.PartnerApi.InvitationResponse;
import org.tandem.partner.PartnerApi.InviteRequest;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.security.Roles;
import org.tandem.staff.KeycloakAccounts;

/**
 * Partners' own sign-ins: a therapist or admin of the couple invites a partner (Tandem creates the Keycloak user,
 * bound to the partner record, and hands out a one-time activation code), the partner activates it by choosing a
 * password, and the account can be revoked; discharging the couple revokes both. Keycloak calls run outside the
 * database transactions, as in the staff lifecycle, except activation, which holds the invitation's row lock so a
 * code works once.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class PartnerAccountService {

    static final String RECORD = "partner-account";

    private final PartnerAccountRepository accounts;
    private final CoupleRepository couples;
    private final KeycloakAccounts keycloak;
    private final AccessPolicy access;
    private final Caller caller;
    private final AuditLog audit;
    private final PartnerConfig config;

    public InvitationResponse invite(UUID coupleId, UUID partnerId, InviteRequest request) {
        ActivationCode code = ActivationCode.issue(Instant.now().plus(config.activationLifespan()));
        record Target(UUID clinicId, String email, PartnerAccount existing) {
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            Partner partner = partnerOf(coupleId, partnerId);
            if (partner.getCouple().getStatus() == CoupleStatus.DISCHARGED) {
                throw Problems.conflict("couple-discharged", "Couple Discharged",
                        "A discharged couple's partners cannot be invited.");
            }
            PartnerAccount existing = accounts.forPartner(partnerId).orElse(null);
            String email = request == null || request.email() == null ? partner.getEmail() : request.email();
            if (existing == null && (email == null || email.isBlank())) {
                throw Problems.unprocessable("email", "body",
                        "is required: the partner record has no e-mail address to sign in with");
            }
            return new Target(partner.getCouple().getClinic().getId(),
                    email == null ? null : email.strip().toLowerCase(Locale.ROOT), existing);
        });
        PartnerAccount account;
        if (target.existing() != null) {
            // A new code for the same Keycloak user. A revoked one stays disabled there until the partner uses the
            // code, so an old password alone does not let them back in.
            account = QuarkusTransaction.requiringNew().call(() -> {
                PartnerAccount found = accounts.lock(target.existing().getId());
                found.invite(code, caller.subject());
                audit.success("partner.invite", RECORD, found.getId());
                return found;
            });
        } else {
            UUID accountId = UUID.randomUUID();
            String subject = keycloak.create(new KeycloakAccounts.NewAccount(target.email(), null, null,
                    List.of(Roles.PARTNER), Map.of(Caller.CLINIC_CLAIM, caller.clinicKey(),
                            Caller.PARTNER_CLAIM, accountId.toString())));
            try {
                account = QuarkusTransaction.requiringNew().call(() -> {
                    PartnerAccount created = new PartnerAccount(accountId, target.clinicId(),
                            partnerOf(coupleId, partnerId), subject, code, caller.subject());
                    accounts.persist(created);
                    accounts.flush();
                    audit.success("partner.invite", RECORD, created.getId());
                    return created;
                });
            } catch (RuntimeException e) {
                keycloak.delete(subject);
                throw e;
            }
        }
        return new InvitationResponse(toResponse(account), code.code(), keycloak.sendInvitation(account.getSubject()));
    }

    public AccountResponse get(UUID coupleId, UUID partnerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            partnerOf(coupleId, partnerId);
            PartnerAccount account = accounts.forPartner(partnerId)
                    .orElseThrow(() -> Problems.notFound(RECORD));
            audit.success("partner.account-read", RECORD, account.getId());
            return toResponse(account);
        });
    }

    /** Refuses every request of the account from now on, then disables it in Keycloak and ends its sessions. */
    public AccountResponse revoke(UUID coupleId, UUID partnerId) {
        PartnerAccount account = QuarkusTransaction.requiringNew().call(() -> {
            partnerOf(coupleId, partnerId);
            PartnerAccount found = accounts.forPartner(partnerId).map(a -> accounts.lock(a.getId()))
                    .orElseThrow(() -> Problems.notFound(RECORD));
            found.revoke();
            audit.success("partner.revoke", RECORD, found.getId());
            return found;
        });
        keycloak.setEnabled(account.getSubject(), caller.clinicKey(), false);
        return toResponse(account);
    }

    /** The partner chooses their password with the code; the code never works again. */
    public ActivationResponse activate(ActivationRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Two uses of one code queue on the row lock; the second finds it used.
            PartnerAccount account = accounts.byActivationHash(ActivationCode.hash(request.code().strip()))
                    .map(a -> accounts.lock(a.getId())).orElse(null);
            if (account == null || !account.activatable(Instant.now())) {
                throw Problems.unprocessable("code", "body", "is not a valid activation code: unknown, used,"
                        + " revoked or expired. Ask your therapist for a new one");
            }
            keycloak.setPassword(account.getSubject(), request.password());
            account.activate();
            audit.system(account.getClinicId(), account.getSubject(), "partner.activate", RECORD, account.getId(),
                    caller.clientAddress());
            return new ActivationResponse(keycloak.username(account.getSubject()));
        });
    }

    /** A discharge revokes the couple's partner accounts in its own transaction... */
    void onDischarge(@Observes CoupleDischarging discharge) {
        for (PartnerAccount account : accounts.ofCouple(discharge.coupleId())) {
            if (account.revoke()) {
                audit.success("partner.revoke", RECORD, account.getId(), "discharge");
            }
        }
    }

    /** ...and, once it committed, disables them in Keycloak. */
    void afterDischarge(@Observes(during = TransactionPhase.AFTER_SUCCESS) CoupleDischarging discharge) {
        String clinicKey = caller.clinicKey();
        QuarkusTransaction.requiringNew().call(() -> accounts.ofCouple(discharge.coupleId()).stream()
                .map(PartnerAccount::getSubject).toList())
                .forEach(subject -> keycloak.setEnabled(subject, clinicKey, false));
    }

    private Partner partnerOf(UUID coupleId, UUID partnerId) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        return couple.findPartner(partnerId).orElseThrow(() -> Problems.notFound("partner"));
    }

    static AccountResponse toResponse(PartnerAccount a) {
        return new AccountResponse(a.getId(), a.getPartner().getId(), a.getStatus(), a.getInvitedAt(),
                a.getActivationExpiresAt(), a.getActivatedAt(), a.getRevokedAt());
    }
}
