package org.tandem.partner;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.persistence.RowLock;
import org.tandem.couple.CoupleStatus;

@ApplicationScoped
public class PartnerAccountRepository implements PanacheRepositoryBase<PartnerAccount, UUID> {

    public Optional<PartnerAccount> forPartner(UUID partnerId) {
        return find("partner.id", partnerId).firstResultOptional();
    }

    /** The account by its id, with its partner and couple, if the couple is still in care. */
    public Optional<PartnerAccount> inCare(UUID id) {
        return find("from PartnerAccount a join fetch a.partner p join fetch p.couple c join fetch c.clinic where a.id = ?1"
                + " and c.status <> ?2", id, CoupleStatus.DISCHARGED).firstResultOptional();
    }

    /** The account, its row locked until the transaction ends and its state re-read under the lock. */
    public PartnerAccount lock(UUID id) {
        RowLock.lock(getEntityManager(), "partner_account", id);
        PartnerAccount account = findById(id);
        getEntityManager().refresh(account);
        return account;
    }

    /** Whether the partner has an account that is not revoked, with their couple in care: one count. */
    public boolean usable(UUID partnerId) {
        return count("partner.id = ?1 and status <> ?2 and partner.couple.status <> ?3", partnerId,
                PartnerAccountStatus.REVOKED, CoupleStatus.DISCHARGED) > 0;
    }

    /** An open invitation by its code's hash. */
    public Optional<PartnerAccount> byActivationHash(byte[] hash) {
        return find("activationHash = ?1", (Object) hash).firstResultOptional();
    }

    /** A demo partner's account, active from the start: the realm file gives their Keycloak user a password. */
    public void persistActiveDemo(UUID id, org.tandem.couple.Partner partner, String subject) {
        persist(PartnerAccount.active(id, partner.getCouple().getClinic().getId(), partner, subject));
    }

    public List<PartnerAccount> ofCouple(UUID coupleId) {
        return list("partner.couple.id", coupleId);
    }
}
