package org.tandem.partner;

/** Where a partner's sign-in stands: invited (the one-time code not used yet), active, or revoked. */
public enum PartnerAccountStatus {
    INVITED,
    ACTIVE,
    REVOKED
}
