package org.tandem.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The key-encryption keys (prefix {@code tandem.notes}, kept from when only notes were encrypted). */
@ConfigMapping(prefix = "tandem.notes")
public interface KeyConfig {
    /**
     * The key-encryption key for note bodies: base64 of 32 random bytes (openssl rand -base64 32). Required:
     * the app does not start without it. Env: TANDEM_NOTES_KEY, from a Kubernetes Secret, never the repo.
     */
    String key();

    /** The id of {@link #key()}, recorded with every data key it wraps. Env: TANDEM_NOTES_KEY_ID. */
    @WithDefault("k1")
    String keyId();

    /** Earlier keys, {@code id:base64[,id:base64]}, kept until the re-wrap job has moved their data keys. */
    Optional<String> previousKeys();

    /** How often each replica moves values of a running data-key rotation (KeyRotation); "off" in the tests. */
    @WithDefault("10s")
    String rotationPoll();
}
