package org.tandem.crypto;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/**
 * Words sealed under a clinic's data key, as an entity holds them: the key's id and the ciphertext, in the two
 * columns the entity names ({@code @AttributeOverride}; {@link SealedColumn} lists every such pair). It hands out
 * neither: the words leave only through {@link #open}, with the purpose and the row id they were sealed for.
 */
@Embeddable
public class SealedText {

    @Column(name = "key_id")
    private UUID keyId;

    @Column(name = "ciphertext")
    private byte[] ciphertext;

    protected SealedText() {
    }

    private SealedText(ClinicCipher.Sealed sealed) {
        this.keyId = sealed.keyId();
        this.ciphertext = sealed.ciphertext();
    }

    public static SealedText of(ClinicCipher.Sealed sealed) {
        return new SealedText(sealed);
    }

    public String open(ClinicCipher cipher, String purpose, UUID recordId) {
        return cipher.open(keyId, purpose, recordId, ciphertext);
    }

    /** The key of a record stored in parts ({@link BulkKey}), which is what this value holds. */
    public BulkKey openBulkKey(ClinicCipher cipher, String purpose, UUID recordId) {
        return cipher.openBulkKey(keyId, purpose, recordId, ciphertext);
    }

    @Override
    public String toString() {
        return "SealedText[redacted]";
    }
}
