package org.tandem.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import lombok.Getter;

/** A therapist's private calendar feed: only the SHA-256 of its secret token is kept. */
@Entity
@Table(name = "calendar_feed")
@Getter
public class CalendarFeed extends FeedSecret {

    @Id
    @Column(name = "therapist_id")
    private UUID therapistId;

    protected CalendarFeed() {
    }

    CalendarFeed(UUID therapistId, String tokenHash) {
        super(tokenHash);
        this.therapistId = therapistId;
    }

    @Override
    public String toString() {
        return "CalendarFeed[therapist=" + therapistId + "]";
    }
}
