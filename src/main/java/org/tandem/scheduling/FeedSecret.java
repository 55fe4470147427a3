package org.tandem.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;

/** What a private calendar feed keeps of its secret URL: the token's SHA-256, and since when it is valid. */
@MappedSuperclass
@Getter
public abstract class FeedSecret {

    @Column(name = "token_hash", nullable = false, length = 64)
    @Getter(AccessLevel.NONE)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FeedSecret() {
    }

    protected FeedSecret(String tokenHash) {
        rotate(tokenHash);
    }

    /** A new token: the previous URL stops working at once. */
    final void rotate(String newHash) {
        this.tokenHash = newHash;
        this.createdAt = Instant.now();
    }
}
