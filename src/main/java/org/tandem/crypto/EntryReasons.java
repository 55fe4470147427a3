package org.tandem.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.tandem.common.ErrorMark;

/**
 * Seals and opens the reason an entry was marked as entered in error ({@link ErrorMark}), under the clinic's data
 * key and bound to the entry's table and id: each kind of entry has its {@link SealedColumn}.
 */
@ApplicationScoped
public class EntryReasons {

    private final ClinicCipher cipher;

    EntryReasons(ClinicCipher cipher) {
        this.cipher = cipher;
    }

    /** For marking an entry of {@code column}'s table: in the marking's transaction (it may make the data key). */
    public ErrorMark.Sealer sealer(SealedColumn column, UUID clinicId, UUID entryId) {
        ClinicCipher.Sealer sealer = cipher.sealerFor(clinicId);
        return reason -> {
            ClinicCipher.Sealed sealed = sealer.seal(column.purpose(), entryId, reason);
            return new ErrorMark.SealedReason(sealed.keyId(), sealed.ciphertext());
        };
    }

    /** For showing an entry's mark; opens only when the reason is shown. */
    public ErrorMark.Opener opener(SealedColumn column, UUID entryId) {
        return (keyId, ciphertext) -> cipher.open(keyId, column.purpose(), entryId, ciphertext);
    }
}
