package org.tandem.note;

public enum NoteStatus {
    DRAFT,
    SIGNED
}
