package org.tandem.crypto;

/**
 * An encrypted record cannot be opened: its data key is missing, the key-encryption key that wraps it is not
 * configured or wrong, or the ciphertext does not belong where it is stored. The message names keys and purposes,
 * never content; {@link KeyProblems} answers it the same way in every feature.
 */
public class KeyUnavailableException extends RuntimeException {

    private final String purpose;

    public KeyUnavailableException(String message) {
        this(null, message);
    }

    /** @param purpose what was being opened ("note", "addendum", "sobriety-reset", ...), or null if not known */
    public KeyUnavailableException(String purpose, String message) {
        super(message, null, false, false);
        this.purpose = purpose;
    }

    /** The same failure, now known to concern a record of this purpose. */
    KeyUnavailableException about(String what) {
        return purpose != null ? this : new KeyUnavailableException(what, getMessage());
    }

    public String purpose() {
        return purpose;
    }
}
