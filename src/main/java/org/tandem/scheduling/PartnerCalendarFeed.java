package org.tandem.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import lombok.Getter;

/** A partner's private calendar feed of their own sessions: only the SHA-256 of its secret token is kept. */
@Entity
@Table(name = "partner_calendar_feed")
@Getter
public class PartnerCalendarFeed extends FeedSecret {

    @Id
    @Column(name = "partner_id")
    private UUID partnerId;

    protected PartnerCalendarFeed() {
    }

    PartnerCalendarFeed(UUID partnerId, String tokenHash) {
        super(tokenHash);
        this.partnerId = partnerId;
    }

    @Override
    public String toString() {
        return "PartnerCalendarFeed[partner=" + partnerId + "]";
    }
}
