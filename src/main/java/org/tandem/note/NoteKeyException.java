package org.tandem.note;

/** A note cannot be opened: its key is missing or wrong, or the ciphertext does not belong where it is stored. */
public class NoteKeyException extends RuntimeException {

    public NoteKeyException(String message) {
        super(message, null, false, false);
    }
}
