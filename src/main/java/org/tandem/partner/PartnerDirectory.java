package org.tandem.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.security.PartnerBindings;

/**
 * Binds a partner's token to their partner record, on every request of theirs (one primary-key read): the account
 * must be theirs (same Keycloak subject), of the token's clinic, not revoked, and their couple still in care.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class PartnerDirectory implements PartnerBindings {

    private final PartnerAccountRepository accounts;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Bound> bind(UUID accountId, String subject, String clinicKey, long issuedAt) {
        return accounts.inCare(accountId)
                .filter(a -> a.getSubject().equals(subject) && a.getStatus() != PartnerAccountStatus.REVOKED)
                .filter(a -> issuedAt >= a.validSince().getEpochSecond())
                .filter(a -> a.getPartner().getCouple().getClinic().getKey().equals(clinicKey))
                .map(a -> new Bound(a.getClinicId(), a.getPartner().getCouple().getId(), a.getPartner().getId()));
    }

    @Override
    @Transactional
    public boolean active(UUID partnerId) {
        return accounts.usable(partnerId);
    }
}
