package org.tandem.disclosure;

/** How the betrayed partner agreed to destroy the document: in their own app, or in person, recorded by a therapist. */
public enum DestructionAgreement {
    BY_PARTNER,
    IN_SESSION
}
