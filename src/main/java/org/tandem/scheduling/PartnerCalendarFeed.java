package org.tandem.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;

/** A partner's private calendar feed of their own sessions: only the SHA-256 of its secret token is kept. */
@Entity
@Table(name = "partner_calendar_feed")
@Getter
public class PartnerCalendarFeed {

    @Id
    @Column(name = "partner_id")
    private UUID partnerId;

    @Column(name = "token_hash", nullable = false, length = 64)
    @Getter(AccessLevel.NONE)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PartnerCalendarFeed() {
    }

    PartnerCalendarFeed(UUID partnerId, String tokenHash) {
        this.partnerId = partnerId;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
    }

    void rotate(String newHash) {
        this.tokenHash = newHash;
        this.createdAt = Instant.now();
    }

    @Override
    public String toString() {
        return "PartnerCalendarFeed[partner=" + partnerId + "]";
    }
}
