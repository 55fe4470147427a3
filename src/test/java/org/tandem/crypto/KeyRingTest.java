package org.tandem.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The key-encryption keys: wrapping, rotation and wrong keys, without a server. */
class KeyRingTest {

    private static final String K1 = key();
    private static final String K2 = key();

    @Test
    void aDataKeyWrappedByTheCurrentKeyUnwraps() {
        KeyRing ring = new KeyRing("k1", K1, null);
        UUID clinic = UUID.randomUUID();
        byte[] dataKey = KeyRing.newDataKey();
        assertArrayEquals(dataKey, ring.unwrap(ring.wrap(dataKey, clinic), "k1", clinic));
    }

    @Test
    void afterRotationOldDataKeysStillOpenAndRewrapToTheNewKey() {
        UUID clinic = UUID.randomUUID();
        byte[] dataKey = KeyRing.newDataKey();
        byte[] wrappedByK1 = new KeyRing("k1", K1, null).wrap(dataKey, clinic);

        KeyRing rotated = new KeyRing("k2", K2, "k1:" + K1);
        assertEquals("k2", rotated.currentId());
        assertArrayEquals(dataKey, rotated.unwrap(wrappedByK1, "k1", clinic));
        byte[] wrappedByK2 = rotated.wrap(rotated.unwrap(wrappedByK1, "k1", clinic), clinic);
        // Once re-wrapped, the old key can go.
        assertArrayEquals(dataKey, new KeyRing("k2", K2, null).unwrap(wrappedByK2, "k2", clinic));
    }

    @Test
    void aWrongOrMissingKeyOpensNothing() {
        UUID clinic = UUID.randomUUID();
        byte[] wrapped = new KeyRing("k1", K1, null).wrap(KeyRing.newDataKey(), clinic);
        KeyUnavailableException wrong = assertThrows(KeyUnavailableException.class,
                () -> new KeyRing("k1", K2, null).unwrap(wrapped, "k1", clinic));
        assertTrue(wrong.getMessage().contains("wrong key"));
        assertThrows(KeyUnavailableException.class, () -> new KeyRing("k2", K2, null).unwrap(wrapped, "k1", clinic));
        // A wrapped key is bound to its clinic too.
        assertThrows(KeyUnavailableException.class, () -> new KeyRing("k1", K1, null).unwrap(wrapped, "k1", UUID.randomUUID()));
    }

    @Test
    void malformedKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KeyRing("k1", "not base64!", null));
        assertThrows(IllegalArgumentException.class,
                () -> new KeyRing("k1", Base64.getEncoder().encodeToString(new byte[16]), null));
        assertThrows(IllegalArgumentException.class, () -> new KeyRing("k1", null, null));
        assertThrows(IllegalArgumentException.class, () -> new KeyRing("bad id!", K1, null));
        assertThrows(IllegalArgumentException.class, () -> new KeyRing("k2", K2, "k1-without-a-key"));
    }

    private static String key() {
        return Base64.getEncoder().encodeToString(KeyRing.newDataKey());
    }
}
