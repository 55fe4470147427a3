package org.tandem.scheduling;

public enum Modality {
    IN_PERSON,
    TELEHEALTH
}
