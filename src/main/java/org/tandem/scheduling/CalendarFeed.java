package org.tandem.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;

/** A therapist's private calendar feed: only the SHA-256 of its secret token is kept. */
@Entity
@Table(name = "calendar_feed")
@Getter
public class CalendarFeed {

    @Id
    @Column(name = "therapist_id")
    private UUID therapistId;

    @Column(name = "token_hash", nullable = false, length = 64)
    @Getter(AccessLevel.NONE)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CalendarFeed() {
    }

    CalendarFeed(UUID therapistId, String tokenHash) {
        this.therapistId = therapistId;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
    }

    void rotate(String newHash) {
        this.tokenHash = newHash;
        this.createdAt = Instant.now();
    }

    @Override
    public String toString() {
        return "CalendarFeed[therapist=" + therapistId + "]";
    }
}
