package org.tandem.crypto;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * A random AES-256-GCM key of one large record that is stored in parts (an export's output chunks). The key itself is
 * kept only sealed under the clinic's data key, like any sealed text ({@link SealedColumn}), so a key rotation
 * re-seals the key and never the parts. Each part's associated data names the record and the part's place in it: a
 * part moved to another record or place does not decrypt.
 */
public final class BulkKey {

    private final String purpose;
    private final UUID recordId;
    private final Aead aead;
    private final ClinicCipher.Sealed sealed;

    private BulkKey(String purpose, UUID recordId, byte[] raw, ClinicCipher.Sealed sealed) {
        this.purpose = purpose;
        this.recordId = recordId;
        this.aead = KeyRing.aead(raw);
        this.sealed = sealed;
        Arrays.fill(raw, (byte) 0);
    }

    /** A new key for the record, and its sealed form to store with the record. */
    static BulkKey create(ClinicCipher.Sealer sealer, String purpose, UUID recordId) {
        byte[] raw = KeyRing.newDataKey();
        ClinicCipher.Sealed sealed = sealer.seal(purpose, recordId, Base64.getEncoder().encodeToString(raw));
        return new BulkKey(purpose, recordId, raw, sealed);
    }

    /** The key of a record from its sealed form, opened by the clinic's cipher. */
    static BulkKey opened(String purpose, UUID recordId, String encoded) {
        return new BulkKey(purpose, recordId, Base64.getDecoder().decode(encoded), null);
    }

    /** The form to store: the key sealed under the clinic's data key (null for a key opened from storage). */
    public ClinicCipher.Sealed sealed() {
        return sealed;
    }

    public byte[] encrypt(byte[] data, int length, int part) {
        try {
            return aead.encrypt(length == data.length ? data : Arrays.copyOf(data, length), context(part));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    /** The part's bytes; {@link KeyUnavailableException} if it was changed, moved or belongs to another record. */
    public byte[] decrypt(byte[] ciphertext, int part) {
        try {
            return aead.decrypt(ciphertext, context(part));
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException(purpose, "Part " + part + " of this " + purpose
                    + " cannot be decrypted.");
        }
    }

    private byte[] context(int part) {
        return ("tandem:" + purpose + ":" + recordId + ":" + part).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "BulkKey[" + purpose + " " + recordId + "]";
    }
}
