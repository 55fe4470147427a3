package org.tandem.consent;

/** What a consent template is for. A release of information names a party, a scope and an expiry when signed. */
public enum ConsentKind {
    INFORMED_CONSENT, SECRETS_POLICY, TELEHEALTH, RELEASE_OF_INFORMATION, OTHER
}
