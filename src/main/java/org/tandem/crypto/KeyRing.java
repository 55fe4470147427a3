package org.tandem.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The key-encryption keys (KEKs) from the environment, by id: the current one wraps new data keys, previous ones
 * only unwrap old data keys until the re-wrap job has moved them. Plain Java so it is tested without Quarkus.
 */
public final class KeyRing {

    private static final AesGcmParameters AES256_GCM;

    static {
        try {
            AeadConfig.register();
            AES256_GCM = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's AES-GCM is not available", e);
        }
    }

    private final String currentId;
    private final Map<String, Aead> keks = new HashMap<>();

    /**
     * @param current  base64 of the current 256-bit KEK
     * @param previous earlier KEKs as {@code id:base64,id:base64}, or null
     */
    public KeyRing(String currentId, String current, String previous) {
        if (currentId == null || !currentId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("The notes key id must be 1-32 letters, digits, - or _");
        }
        this.currentId = currentId;
        keks.put(currentId, aead(decode(current, "TANDEM_NOTES_KEY")));
        if (previous != null && !previous.isBlank()) {
            for (String entry : previous.split(",")) {
                String[] parts = entry.trim().split(":", 2);
                if (parts.length != 2 || parts[0].isBlank()) {
                    throw new IllegalArgumentException("TANDEM_NOTES_PREVIOUS_KEYS must be id:base64[,id:base64...]");
                }
                keks.putIfAbsent(parts[0], aead(decode(parts[1], "a previous notes key")));
            }
        }
    }

    public String currentId() {
        return currentId;
    }

    /** Wraps a data key with the current KEK, bound to its clinic. */
    public byte[] wrap(byte[] dataKey, UUID clinicId) {
        try {
            return keks.get(currentId).encrypt(dataKey, wrapContext(clinicId, currentId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not wrap a data key", e);
        }
    }

    /** Unwraps a data key with the KEK it was wrapped with. */
    public byte[] unwrap(byte[] wrapped, String kekId, UUID clinicId) {
        Aead kek = keks.get(kekId);
        if (kek == null) {
            throw new KeyUnavailableException("The notes key '" + kekId + "' is not configured (TANDEM_NOTES_PREVIOUS_KEYS)");
        }
        try {
            return kek.decrypt(wrapped, wrapContext(clinicId, kekId));
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("A data key does not open with the notes key '" + kekId + "': wrong key?");
        }
    }

    /** An AES-256-GCM primitive over raw key bytes. */
    static Aead aead(byte[] raw) {
        try {
            AesGcmKey key = AesGcmKey.builder().setParameters(AES256_GCM)
                    .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get())).build();
            KeysetHandle handle = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build();
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a usable AES-256 key", e);
        }
    }

    /** A fresh random 256-bit data key. */
    static byte[] newDataKey() {
        return SecretBytes.randomBytes(32).toByteArray(InsecureSecretKeyAccess.get());
    }

    private static byte[] wrapContext(UUID clinicId, String kekId) {
        return ("tandem:data-key:" + clinicId + ":" + kekId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String base64, String name) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(name + " must be a base64-encoded 256-bit (32-byte) key");
        }
        return raw;
    }
}
