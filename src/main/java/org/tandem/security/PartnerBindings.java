package org.tandem.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Which partner record a partner's token is bound to: the token's {@code partner_account} claim names an account,
 * and the account must belong to the token's subject and clinic and still be usable. Answered by the partner feature.
 */
public interface PartnerBindings {

    /** What a usable binding reaches. */
    record Bound(UUID clinicId, UUID coupleId, UUID partnerId) {
    }

    /**
     * The partner the account binds the caller to; empty when the account is unknown, belongs to another subject or
     * clinic, is revoked, its couple was discharged, or the token was issued ({@code issuedAt}, epoch seconds)
     * before the account's current invitation or activation: a token from before a revocation stays refused after
     * the partner is invited again.
     */
    Optional<Bound> bind(UUID accountId, String subject, String clinicKey, long issuedAt);

    /** Whether the partner's account still works: not revoked, their couple in care (their calendar feed asks). */
    boolean active(UUID partnerId);
}
