package org.tandem.partner;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A one-time activation code: 128 random bits, given to the partner once (in the invitation's answer, for the
 * therapist to hand over or the clinic's app to send) and kept only as its SHA-256. Unguessable, so a lookup by hash
 * needs no rate limit of its own.
 */
record ActivationCode(String code, byte[] hash, Instant expiresAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static ActivationCode issue(Instant expiresAt) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new ActivationCode(code, hash(code), expiresAt);
    }

    static byte[] hash(String code) {
        return DigestUtils.sha256(code);
    }

    @Override
    public String toString() {
        return "ActivationCode[expiresAt=" + expiresAt + "]";
    }
}
