package org.tandem.crypto;

import com.google.crypto.tink.Aead;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.tandem.common.persistence.BinaryUuids;

/**
 * Envelope encryption of a clinic's sensitive text: note bodies and addenda, sobriety-reset notes, webhook secrets,
 * stored idempotent responses. Each clinic has a random AES-256 data key, stored only wrapped by the key-encryption
 * key from the environment. A ciphertext's associated data names what it is and whose row it is ("note" + note id,
 * "addendum" + addendum id, ...): moved onto another row, it no longer decrypts.
 */
@ApplicationScoped
@Startup // a malformed key stops the start, not the first note
public class ClinicCipher {

    private static final Logger LOG = Logger.getLogger(ClinicCipher.class);

    /** A ciphertext and the data key it needs. */
    public record Sealed(UUID keyId, byte[] ciphertext) {
    }

    private final KeyRing ring;
    private final DataKeyRepository keys;
    private final Map<UUID, Aead> unwrapped = new ConcurrentHashMap<>();

    @Inject
    ClinicCipher(KeyConfig config, DataKeyRepository keys) {
        this(new KeyRing(config.keyId(), config.key(), config.previousKeys().orElse(null)),
                keys);
    }

    /** With an explicit key ring: how a test plays a key rotation against the real database. */
    ClinicCipher(KeyRing ring, DataKeyRepository keys) {
        this.ring = ring;
        this.keys = keys;
    }

    /** Encrypts for one clinic without touching the database again (a query would flush a half-built row). */
    public final class Sealer {
        private final UUID keyId;
        private final Aead aead;

        private Sealer(DataKey key) {
            this.keyId = key.getId();
            this.aead = aead(key);
        }

        public Sealed seal(String purpose, UUID recordId, String plaintext) {
            try {
                return new Sealed(keyId, aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
                        context(purpose, recordId)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not encrypt", e);
            }
        }

        /** A new random key for a record stored in parts; store its {@link BulkKey#sealed} form with the record. */
        public BulkKey newBulkKey(String purpose, UUID recordId) {
            return BulkKey.create(this, purpose, recordId);
        }
    }

    /**
     * Seals {@code text} (null: none) into {@code column} of the row {@code rowId}, with SQL in the caller's
     * transaction, and empties the row's {@code plaintextColumn}, where the text was kept before it was sealed. For a
     * record whose id exists only once it is persisted: the entity maps both columns read-only, so writing them
     * costs the new row neither an update nor a version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sealInto(EntityManager em, SealedColumn column, String plaintextColumn,
            UUID clinicId, UUID rowId, String text) {
        Sealed sealed = text == null ? null : sealerFor(clinicId).seal(column.purpose(), rowId, text);
        em.createNativeQuery(column.sealRowSql(plaintextColumn))
                .setParameter(1, sealed == null ? null : BinaryUuids.bytes(sealed.keyId()))
                .setParameter(2, sealed == null ? null : sealed.ciphertext())
                .setParameter(3, BinaryUuids.bytes(rowId)).executeUpdate();
    }

    /** A sealer with the clinic's data key, created on the clinic's first note. Get it before persisting rows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Sealer sealerFor(UUID clinicId) {
        return new Sealer(keyFor(clinicId));
    }

    public String open(UUID keyId, String purpose, UUID recordId, byte[] ciphertext) {
        Aead cached = unwrapped.get(keyId);
        Aead aead;
        try {
            aead = cached != null ? cached : aead(keys.findByIdOptional(keyId).orElseThrow(() ->
                    new KeyUnavailableException(purpose, "The data key of this " + purpose + " is missing.")));
        } catch (KeyUnavailableException e) {
            throw e.about(purpose); // the key ring does not know what it was opening
        }
        try {
            return new String(aead.decrypt(ciphertext, context(purpose, recordId)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Never the text: only which record failed.
            LOG.errorf("A %s ciphertext of record %s does not decrypt: tampered, or copied from another row", purpose,
                    recordId);
            throw new KeyUnavailableException(purpose, "This " + purpose + " cannot be decrypted.");
        }
    }

    /** The key of a record stored in parts, from the sealed form kept with the record. */
    public BulkKey openBulkKey(UUID keyId, String purpose, UUID recordId, byte[] ciphertext) {
        return BulkKey.opened(purpose, recordId, open(keyId, purpose, recordId, ciphertext));
    }

    /** After a key rotation, soon after start and then hourly: see {@link #rewrapAll}. */
    @Scheduled(every = "1h", delay = 30, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void rewrapOnSchedule() {
        rewrapAll();
    }

    /** Moves data keys wrapped by an earlier key-encryption key to the current one. Idempotent, replica-safe. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int rewrapAll() {
        int moved = 0;
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> keys.wrappedWithOtherThan(ring.currentId()))) {
            moved += QuarkusTransaction.requiringNew().call(() -> {
                DataKey key = keys.lock(id);
                if (key.getKekId().equals(ring.currentId())) {
                    return 0;
                }
                byte[] raw = ring.unwrap(key.getWrappedKey(), key.getKekId(), key.getClinicId());
                key.rewrap(ring.currentId(), ring.wrap(raw, key.getClinicId()));
                return 1;
            });
        }
        if (moved > 0) {
            LOG.infof("Re-wrapped %d note data keys with key '%s'", moved, ring.currentId());
        }
        return moved;
    }

    /** A new random data key for the clinic, wrapped with the current key-encryption key; not yet persisted. */
    DataKey newDataKey(UUID clinicId) {
        return new DataKey(clinicId, ring.currentId(), ring.wrap(KeyRing.newDataKey(), clinicId));
    }

    /** Moves ciphertexts from one data key to another, record by record (KeyRotation). */
    public final class Resealer {
        private final Aead from;
        private final Aead to;

        private Resealer(Aead from, Aead to) {
            this.from = from;
            this.to = to;
        }

        /** The same plaintext, sealed under the new key with the same associated data. Never logs the text. */
        public byte[] reseal(String purpose, UUID recordId, byte[] ciphertext) {
            byte[] context = context(purpose, recordId);
            try {
                return to.encrypt(from.decrypt(ciphertext, context), context);
            } catch (GeneralSecurityException e) {
                LOG.errorf("A %s ciphertext of record %s does not decrypt: left on its old key", purpose, recordId);
                throw new KeyUnavailableException(purpose, "This " + purpose + " cannot be decrypted.");
            }
        }
    }

    /** Both keys unwrapped once, so the rotation's batches touch the database only for their rows. */
    @Transactional
    Resealer resealer(UUID fromKeyId, UUID toKeyId) {
        return new Resealer(aead(keys.findById(fromKeyId)), aead(keys.findById(toKeyId)));
    }

    private DataKey keyFor(UUID clinicId) {
        return keys.forClinic(clinicId).orElseGet(() -> {
            try {
                // Its own transaction, so a clash with a concurrent first note of the clinic can be retried.
                QuarkusTransaction.requiringNew().run(() -> {
                    keys.persist(newDataKey(clinicId));
                    keys.flush();
                });
            } catch (PersistenceException e) {
                LOG.debugf("Data key of clinic %s created concurrently", clinicId);
            }
            return keys.forClinic(clinicId).orElseThrow();
        });
    }

    private Aead aead(DataKey key) {
        return unwrapped.computeIfAbsent(key.getId(),
                id -> KeyRing.aead(ring.unwrap(key.getWrappedKey(), key.getKekId(), key.getClinicId())));
    }

    private static byte[] context(String purpose, UUID recordId) {
        return ("tandem:" + purpose + ":" + recordId).getBytes(StandardCharsets.UTF_8);
    }
}
